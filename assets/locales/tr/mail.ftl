# Bir randevuyla ilgili e-postalar. $when: randevunun günü ve saati.

mail-greeting-named = Sayın { $name },
mail-greeting = Merhaba,
mail-please-confirm-subject = Lütfen randevunuzu onaylayın: { $when }
mail-please-confirm-lead = Lütfen randevunuzu şu zamana kadar onaylayın: { $deadline }. Onaylamazsanız randevunuzun süresi dolar ve bu saat yeniden boşalır.
mail-confirmed-subject = Randevunuz onaylandı: { $when }
mail-confirmed-lead = Randevunuz onaylandı. Randevuyu takviminize eklemek için ekteki dosyayı kullanabilirsiniz.
mail-cancelled-subject = Randevunuz iptal edildi: { $when }
mail-cancelled-lead = Randevunuz iptal edildi. Ekteki dosya randevuyu takviminizden kaldırır.
mail-moved-subject = Randevunuzun zamanı değiştirildi: { $when }
mail-moved-lead = Randevunuz aşağıda belirtilen zamana alındı. Ekteki dosya, takviminizdeki randevuyu yenisiyle değiştirir.
mail-reminder-subject = Randevu hatırlatması: { $when }
mail-reminder-lead = Randevunuzu hatırlatmak isteriz. Gelemeyecekseniz lütfen randevuyu iptal edin; böylece bu saati başka biri alabilir.
mail-lapsed-subject = Randevunuzun süresi doldu: { $when }
mail-lapsed-lead = Randevunuz zamanında onaylanmadığı için süresi doldu; randevu saati yeniden boşaldı. Ekteki dosya randevuyu takviminizden kaldırır. Randevuya hâlâ ihtiyacınız varsa lütfen yeni bir randevu alın.
mail-action-confirm = Randevuyu onayla
mail-manage = Randevuyu görüntüle, zamanını değiştir veya iptal et
mail-footer = Bu mesaj otomatik olarak gönderilmiştir.
# Takvimdeki kaydın adı.
mail-calendar-summary = { $services } – { $office }
mail-code-hint = Randevu gününüzde randevu kodunu veya QR kodu danışmada ya da kioskta gösterin: Geliş kaydınız böyle yapılır.
mail-qr-alt = Randevu kodunun QR kodu

## Hizmet noktasının planını değiştirdiği için başka zamana aldığı veya iptal ettiği randevuların e-postaları
mail-office-moved-lead = Hizmet noktası çalışma saatlerini veya gişe sayısını değiştirdi. Randevu saatinizde artık boş gişe yok. Bu nedenle randevunuz aşağıda belirtilen zamana alındı. Ekteki dosya, takviminizdeki randevuyu yenisiyle değiştirir. Yeni zaman size uygun değilse, bağlantıyı kullanarak randevunun zamanını değiştirebilir veya randevuyu iptal edebilirsiniz.
mail-office-cancelled-lead = Hizmet noktası çalışma saatlerini veya gişe sayısını değiştirdi. Randevunuz bu nedenle yapılamıyor ve iptal edildi. Ekteki dosya randevuyu takviminizden kaldırır. Lütfen yeni bir randevu alın.
fact-office-reason = Neden
