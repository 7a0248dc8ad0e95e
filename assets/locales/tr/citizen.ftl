# Vatandaşların sayfaları: hizmet noktaları, işlemler, günler, saatler, form, randevu.

skip-to-content = İçeriğe geç
footer-legal = Yasal bilgiler
footer-privacy = Veri koruma
footer-accessibility = Erişilebilirlik
footer-imprint = Künye

# Sayfanın dilleri, her biri kendi dilinde adlandırılır.
language-switch = Dil
footer-easy = Kolay Almanca (Leichte Sprache)

# Saat ve saatli tarih. $time ve $date zaten sayfanın dilinde yazılmıştır.
time-of-day = { $time }
date-time = { $date }, { $time }

home-title = Randevu al
home-intro = Randevunuzu internetten alın – sıra numarası almadan, sırada beklemeden. Önce hizmet noktasını seçin.

# $title: sayfanın başlığı
title-with-mistakes = Hata – { $title }

office-intro = Ne yaptırmak istediğinizi seçin. Aynı bölümdeki birden fazla işlem için tek randevu alabilirsiniz.
office-services = İşlemler
office-persons = Kişi sayısı
office-next = İleri: Gün seçin
# $n: dakika
service-minutes = ({ $n } dk)
service-minutes-per-person = (kişi başı { $n } dk)

persons-count = { $n } kişi
about-minutes = yaklaşık { $n } dk
wish-change = Seçimi değiştir

days-title = Gün seçin
days-intro = Boş saati olan günler tıklanabilir.
days-none = Bu dönemde maalesef boş saat kalmadı. Lütfen daha sonra tekrar bakın – iptal edilen randevuların saatleri yeniden boşalır.
days-later = Sonraki günler
calendar-free = { $n } boş
calendar-none = : boş saat yok

day-title = Saat seçin
day-none = Bu gün için artık boş saat yok.
day-intro = Bir saat seçin. Siz bilgilerinizi girerken bu saati { $minutes } dakika boyunca sizin için ayırıyoruz.
day-other = Başka gün seç
quiet = sakin
quiet-legend = = bu saatte az ziyaretçi bekleniyor, daha kısa beklersiniz.

fact-when = Ne zaman
fact-where = Nerede
fact-services = İşlemler
fact-persons = Kişi sayısı
fact-code = Randevu kodu
bring-title = Yanınızda getirmeniz gerekenler

form-title = Bilgileriniz
held-until = Seçtiğiniz saati sizin için şu saate kadar ayırıyoruz: { $time }.
form-name = Ad ve soyad
form-email = E-posta adresi
form-email-hint-confirm = Randevuyu onaylamanız için gereken bağlantıyı bu adrese göndereceğiz.
form-email-hint = Randevu onayını bu adrese göndereceğiz.
form-phone = Telefon (isteğe bağlı)
form-consent = { $privacy } okudum ve bilgilerimin bu randevu için kaydedilmesini kabul ediyorum.
form-consent-privacy = Veri koruma bildirimini
form-submit-confirm = Randevu al
form-submit = Randevuyu kesin olarak al
form-other-time = Başka saat seç

error-summary-title = Lütfen bilgilerinizi kontrol edin
field-error-prefix = Hata:

done-pending-title = Lütfen e-postayla onaylayın
done-pending-text = { $email } adresine bir e-posta gönderdik. E-postadaki bağlantıyı açın ve en geç { $deadline } saatine kadar “Randevuyu onayla” düğmesine basın. Aksi halde seçtiğiniz saat yeniden boşalır.
done-confirmed-title = Randevunuz alındı
done-confirmed-text = Takvim dosyası ekli onay e-postası { $email } adresine gönderiliyor. E-postadaki bağlantıyla randevunun zamanını değiştirebilir veya randevuyu iptal edebilirsiniz.
done-print = Bu sayfayı yazdırabilirsiniz; menü ve düğmeler çıktıda görünmez.

manage-title = Randevunuz
manage-confirm-please = Lütfen randevuyu aşağıdaki düğmeyle onaylayın. Aksi halde bu saat yeniden boşalır.
manage-confirm = Randevuyu onayla
manage-move = Randevu zamanını değiştir
manage-cancel = Randevuyu iptal et
manage-calendar = Takvime ekle (.ics)
manage-print = Bu sayfayı randevu onayı olarak yazdırabilirsiniz.
manage-code-hint = Randevu gününüzde danışmada veya kioskta bu kodla ya da QR kodla geliş kaydınızı yaparsınız. Bu kod bu sayfayı açmaz.

status-pending = Henüz onaylanmadı
status-confirmed = Onaylandı
status-cancelled = İptal edildi
status-expired = Süresi doldu (zamanında onaylanmadı)
status-done = Tamamlandı

move-title = Randevu zamanını değiştir
move-now = Şu anki randevunuz:
move-stays = Yeni randevu kesinleşene kadar mevcut randevunuz geçerli kalır.
move-back = Randevuya geri dön
move-day-none = Bu gün için boş saat yok.
move-other-day = Başka gün seç

mistake-consent = Lütfen veri koruma bildirimini okuduğunuzu onaylayın.
mistake-honeypot = Form bu şekilde gönderilemedi. Lütfen bilgilerinizi kontrol edip formu yeniden gönderin.
mistake-email-cap = Bu e-posta adresiyle bu hizmet noktasında zaten { $n } aktif randevu var. Yeni bir randevuya ihtiyacınız varsa, bunlardan birini ilgili e-postadaki bağlantıyla iptal edin.
mistake-name-missing = Lütfen adınızı girin.
mistake-name-not-one-line = Lütfen yalnızca tek satır yazın, kontrol karakteri kullanmayın.
mistake-name-characters = Lütfen yalnızca harf, boşluk, kesme işareti, kısa çizgi ve nokta kullanın.
mistake-name-too-long = Lütfen en fazla { $n } karakter girin.
mistake-email-invalid = Lütfen bir e-posta adresi girin, örneğin name@example.de.
mistake-email-local-not-ascii = @ işaretinden önce lütfen yalnızca aksansız Latin harfi (ç, ğ, ı, ö, ş, ü olmadan), rakam ve . _ - + kullanın.
mistake-invisible = Burada görünmeyen karakterler var (örneğin sıfır genişlikli boşluk veya yön işaretleri). Lütfen bu bilgiyi yeniden yazın.
mistake-phone-invalid = Telefon numarası için lütfen yalnızca rakam, boşluk ve + - / ( ) kullanın.
mistake-no-service = Lütfen en az bir işlem seçin.
mistake-several-counters = Lütfen yalnızca aynı bölümdeki işlemleri seçin.
mistake-too-many-services = Lütfen aynı anda en fazla { $n } işlem seçin.
mistake-no-person = Lütfen en az bir kişi seçin.
mistake-too-many-persons = Bu işlemler için en fazla { $n } kişi seçilebilir.
mistake-day-past = Bu tarih geçmişte kaldı.
mistake-day-beyond-horizon = Bu kadar ileri bir tarih için henüz randevu alınamaz.
mistake-range-backwards = Bitiş, başlangıçtan önce olamaz.
mistake-range-too-long = Bu zaman aralığı çok uzun.
mistake-other = Lütfen bu bilgiyi kontrol edin.

## Hizmet noktasının herkese açık rakamları

office-figures-link = Burada ne kadar sürede randevu bulunur? Bu hizmet noktasının rakamları
# $office: hizmet noktasının adı
figures-title = Rakamlar – { $office }
# $weeks: hafta sayısı, $min: en az vaka sayısı
figures-intro = Bu hizmet noktasında son { $weeks } haftada durum böyleydi. { $min } vakadan az olan rakamları göstermiyoruz.
figures-next-free = En yakın boş randevu
figures-service = İşlem
figures-none = Şu anda boş randevu yok
figures-weeks = Son { $weeks } hafta
figures-lead = Randevu alma ile randevu arasında geçen süre (medyan)
figures-no-show = Kimsenin gelmediği randevuların oranı
figures-on-time = Randevu saatinden sonraki 15 dakika içinde çağrılanlar
figures-too-few = vaka sayısı yetersiz
figures-percent = %{ $n }
# $n: gün
figures-days = { $n ->
    [one] { $n } gün
   *[other] { $n } gün
}
figures-book = Randevu al
