# Veri koruma bildirimi, erişilebilirlik beyanı, künye.

privacy-title = Veri koruma bildirimi
privacy-who = Verilerinizden kim sorumlu?
privacy-contact = Veri koruma ile ilgili sorularınız için iletişim: { $email }
privacy-what = Neleri ve neden kaydediyoruz
privacy-what-text = Randevunuz için adınızı, e-posta adresinizi, isterseniz telefon numaranızı, seçtiğiniz işlemleri, kişi sayısını ve randevu saatini kaydederiz. Bu bilgilere randevuyu vermek, size bildirim göndermek ve sizi gişeye çağırmak için ihtiyacımız var (AB Genel Veri Koruma Tüzüğü DSGVO/GDPR, Madde 6 fıkra 1 bent e).
privacy-abuse-text = Kötüye kullanımı önlemek için her IP adresinden gelen istekleri kısa bir süre boyunca çalışma belleğinde sayarız. Seçtiğiniz bir saat sizin için ayrılmış olduğu sürece (birkaç dakika), kimse aynı anda çok sayıda saati engelleyemesin diye IP adresinizin bir karma değerini (hash) kaydederiz; ardından bu değer silinir. Bir adresten ayrılan saatlerin süresi randevu alınmadan tekrar tekrar dolarsa, yeni ayırmaları yavaşlatmak için bu değeri en fazla bir saat saklarız.
privacy-how-long = Ne kadar süre saklıyoruz
# $days: randevudan sonraki gün sayısı
privacy-how-long-text = Ad, e-posta adresi ve telefon numarası randevudan { $days } gün sonra silinir. İstatistik için yalnızca kişilerle ilişkilendirilemeyen sayılar kalır.
privacy-cookies = Çerezler ve üçüncü taraflar
privacy-cookies-text = Yalnızca teknik olarak gerekli çerezleri kullanırız: seçtiğiniz dil (bir dil seçerseniz), formlarımızı başka sitelerin kötüye kullanımına karşı koruyan rastgele bir değer (tarayıcıyı kapatana kadar) ve randevu alma sırasında sizin için ayrılan saat için rastgele bir değer (tarayıcıyı kapatana kadar). İzleme pikseli, reklam ve başka sağlayıcıların içerikleri yoktur.
privacy-rights = Haklarınız
privacy-rights-text = Bilgi edinme, düzeltme, silme ve işlemenin kısıtlanmasını isteme hakkınız ile yetkili veri koruma denetim makamına şikâyette bulunma hakkınız vardır. Randevunuzu e-postanızdaki bağlantıyla istediğiniz zaman iptal edebilirsiniz.

accessibility-title = Erişilebilirlik beyanı
accessibility-intro = Bu hizmeti herkesin kullanabilmesini istiyoruz. Bu beyan randevu alma sayfaları için geçerlidir ve Almanya'nın Engelsiz Bilgi Teknolojisi Yönetmeliği'ne (BITV 2.0) dayanır.
accessibility-compliance = Uyumluluk durumu
accessibility-compliance-text = Sayfaların WCAG 2.1 AA düzeyinin gereksinimlerini karşılaması amaçlanmaktadır. Sayfalar JavaScript olmadan da çalışır ve yalnızca klavyeyle de eksiksiz kullanılabilir. Her değişiklikte gerçek bir tarayıcıda axe-core ile otomatik olarak test edilir.
accessibility-feedback = Geri bildirim ve iletişim
accessibility-feedback-text = Bir erişilebilirlik sorunu fark ettiniz mi? Bize yazın: { $email }. Genellikle iki hafta içinde yanıt veririz.
accessibility-conciliation = Uzlaştırma süreci
accessibility-conciliation-text = Tatmin edici bir yanıt alamazsanız, eyaletinizde engelli kişilerin eşitliğine ilişkin mevzuat uyarınca kurulmuş uzlaştırma kurumuna (Schlichtungsstelle) başvurabilirsiniz.

imprint-title = Künye (Impressum)
imprint-provider = Bu hizmetin sağlayıcısı:
imprint-email = E-posta: { $email }
imprint-software = Randevu yazılımı: Termin (açık kaynaklı yazılım).
