# Beklenenden farklı gelişen durumlar: hepsi için tek bir sayfa ve devam etmek için bir yol.

to-start = Ana sayfaya dön
to-calendar = Takvime dön
start-again = Baştan başla

status-404-title = Sayfa bulunamadı
status-404-text = Böyle bir sayfa yok.
status-405-title = Burada bu mümkün değil
status-405-text = Bu sayfa bu şekilde açılamaz. Lütfen sayfalardaki bağlantıları ve düğmeleri kullanın.
status-413-title = Çok fazla bilgi
status-413-text = Form çok büyüktü. Lütfen girdiğiniz bilgileri kısaltıp formu yeniden gönderin.
status-415-title = Form okunamadı
status-415-text = Form, okuyamadığımız bir biçimde geldi. Lütfen formu sitemizden yeniden gönderin.
status-408-title = Süre doldu
status-408-text = İstek çok uzun sürdü. Lütfen yeniden deneyin.
status-400-title = İstek anlaşılamadı
status-400-text = Bu isteği anlayamadık. Lütfen sayfalardaki bağlantıları ve düğmeleri kullanın.

no-hold-title = Ayrılmış saat yok
no-hold-text = Bu tarayıcı için ayrılmış bir saat yok. Ayırma süresi dolmuş olabilir ya da çerezler kapalı olabilir – çerezler olmadan saati sizin için ayıramayız.

taken-title = Bu saat artık boş değil
taken-text = Bu saati az önce başka biri aldı.
arrivals-full-text = Bu saatte bekleme salonunun alabileceği kadar kişi zaten geliyor.
move-taken-text = Bu saat artık boş değil. Mevcut randevunuz geçerli kalır.
ran-out-title = Ayırma süresi doldu
ran-out-text = Saati { $minutes } dakika boyunca sizin için ayırdık; bu süre doldu. Lütfen yeniden seçin.
nearest-none = Bu saate yakın boş saat kalmadı.
nearest-free = Yakındaki şu saatler hâlâ boş:

hold-cap-title = Zaten yeterince saat ayrıldı
# $minutes: bir adresin ayırabileceği gişe süresi; $hold_minutes: bir ayırmanın ne kadar sürdüğü
hold-cap-text = İnternet bağlantınızdan şu anda ayrılmış olan saatlerin toplamı { $minutes } dakikalık gişe süresini aşacaktı; aynı anda bundan fazlası ayrılamaz. Bu saatlerden biri için randevu alın ya da { $hold_minutes } dakika sonra yeniden deneyin.
hold-cap-today-text = İnternet bağlantınızdan bu gün için, bir bağlantının ayırabileceği kadar saat zaten ayrıldı. Ayrılan saatlerden biri için randevu alın ya da başka bir gün seçin.
too-long-title = Ayrılamayacak kadar uzun
too-long-text = Seçilen işlemler bu günde, tek seferde sizin için ayırabileceğimizden daha fazla gişe süresi gerektiriyor. Lütfen tek seferde daha az kişi veya işlem için randevu alın (örneğin art arda iki randevu) ya da bizi arayın.
wait-title = Lütfen biraz bekleyin
slowed-text = İnternet bağlantınızdan ayrılan birkaç saat için randevu alınmadı. Saatlerin boş yere engellenmemesi için { $minutes } dakika sonra yeniden saat ayırabilirsiniz.
day-share-title = Bu güne şu anda yoğun talep var
day-share-text = Şu anda birçok kişi bu gün için saat seçiyor. Lütfen başka bir gün seçin ya da birkaç dakika sonra yeniden deneyin.
time-not-bookable-title = Bu saat için randevu alınamaz
time-not-bookable-text = Seçilen saat ya çok yakın bir zamanda ya geçmişte ya da çalışma saatlerinin dışında.
days-not-bookable-title = Bu günler için randevu alınamaz
not-a-date-title = Geçerli bir tarih değil

booking-not-found-title = Randevu bulunamadı
booking-not-found-text = Bu bağlantıya ait bir randevu yok. Lütfen bağlantıyı eksiksiz kopyalayıp kopyalamadığınızı kontrol edin.
booking-lapsed-title = Randevunun süresi doldu
booking-lapsed-text = Randevu zamanında onaylanmadığı için süresi doldu. Lütfen yeni bir randevu alın.
not-changeable-title = Artık değiştirilemez
not-changeable-text = Bu randevu artık değiştirilemez: Randevu başladı, sona erdi ya da iptal edildi.
booking-failed-text = İsteğiniz yerine getirilemedi. Lütfen daha sonra yeniden deneyin.
moved-too-often-title = Zamanı bir daha değiştirilemez
moved-too-often-text = Bu randevunun zamanı zaten { $n } kez değiştirildi; bir randevu en fazla bu kadar değiştirilebilir. Başka bir zamana ihtiyacınız varsa randevuyu iptal edip yeni bir randevu alın.
move-day-not-bookable-title = Bu gün için randevu alınamaz

unavailable-title = Şu anda ulaşılamıyor
unavailable-text = Randevu sistemine şu anda ulaşılamıyor. Lütfen biraz sonra yeniden deneyin.
unavailable-booked = Az önce randevu aldıysanız: Başarıyla alınan her randevu için size e-postayla onay göndeririz.
failed-title = Bir sorun oluştu
failed-text = İsteğiniz şu anda yerine getirilemedi. Lütfen daha sonra yeniden deneyin.
failed-reference = Sorularınız için referans kodu:
form-expired-title = Formun süresi doldu
form-expired-text = Form eskimişti ya da başka bir siteden geldi; hiçbir şey değiştirilmedi. Lütfen sayfayı yeniden yükleyip tekrar deneyin. Bunun için bu sitede çerezlere izin verilmiş olmalıdır.
rate-limited-text = IP adresinizden kısa sürede çok fazla istek geldi. Randevuların adil dağıtılması ve programlar tarafından kapılmaması için lütfen { $minutes } dakika sonra yeniden deneyin.
not-text-title = Form okunamadı
not-text-text = Form ya da bağlantı, okuyamadığımız karakterler içeriyordu; hiçbir şey kaydedilmedi. Lütfen bilgilerinizi sitemizde yeniden girin.
