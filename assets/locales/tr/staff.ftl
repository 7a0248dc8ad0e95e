# Personelin sayfaları, girişteki kiosk, bekleme salonundaki ekran
# ve bir sıra numarasının, sahibinin telefonundaki sayfası.

## Oturum açma ve başlangıç sayfası

login-title = Personel için oturum açma
login-email = E-posta adresi
login-password = Şifre
login-submit = Oturum aç
login-failed = Oturum açılamadı
login-refused = E-posta adresi veya şifre yanlış.
# $seconds: bir sonraki denemeye kalan saniye
login-slow = Çok fazla başarısız deneme oldu. Lütfen { $seconds } saniye sonra yeniden deneyin.
login-needed = Lütfen oturum açın. { $minutes } dakika boyunca kullanılmayan oturum kapanır.
logged-out = Oturumunuz kapatıldı.

staff-nav = Personel
staff-home = Genel bakış
staff-today = Günlük görünüm
staff-desk = Gişe
staff-checkin = Danışma
staff-display = Ekran
staff-audit = Denetim kaydı
staff-users = Kullanıcılar
# $who: oturum açmış kişinin e-posta adresi
staff-logout = Oturumu kapat ({ $who })
staff-index-title = Hizmet noktalarınız

forbidden-title = Erişim yok
forbidden-text = Bu sayfa, rolünüz veya hizmet noktanız için açık değil.

password-title = Şifreyi değiştir
password-current = Mevcut şifre
password-new = Yeni şifre
password-new-hint = En az 12 karakter. Değiştirdiğinizde diğer oturumlarınız kapanır.
password-submit = Şifreyi değiştir
password-changed = Şifre değiştirildi. Diğer oturumlarınız kapatıldı.
password-wrong = Mevcut şifre yanlış.
password-weak = Yeni şifre en az 12 karakter olmalıdır.

## Sıra numaraları

ticket-waiting = bekliyor
ticket-called = çağrıldı
ticket-serving = işlem yapılıyor
ticket-done = tamamlandı
ticket-no-show = gelmedi
ticket-missed = kaçırıldı
ticket-back = yeniden bekliyor
ticket-transferred = yönlendirildi
ticket-parked = bekletmeye alındı
status-checked-in = geliş kaydı yapıldı

# $lo, $hi: dakika
wait-range = yaklaşık { $lo }–{ $hi } dk
ticket-your-number = Sıra numaranız
ticket-late = Randevu saatinizden sonra geldiniz. Bir gişe boşalır boşalmaz sizi çağıracağız.
ticket-urgent = Acil: önce çağrılır.
# $wait: tahmini bekleme süresi, örneğin “yaklaşık 10–20 dk”
ticket-wait = Tahmini bekleme süresi: { $wait }
ticket-watch = Bekleme salonundaki ekranı takip edin: Numaranız orada, gişe numarasıyla birlikte görünecek.
ticket-qr = QR kod: Sıra numaranızı kendi telefonunuzdan takip edin
ticket-follow = Sıra numarasını telefonda takip et

## Danışma ve kiosk

checkin-code = Randevu kodu
checkin-code-hint = Kod, onay e-postanızda yazıyor: 9 karakter, örneğin 7K3M-9QXD-4. Ya da QR kodu okuyucuya tutun.
checkin-urgent = Acil (önce çağrılır)
checkin-submit = Geliş kaydını yap ve sıra numarası al
# $office: hizmet noktasının adı
checkin-title = Danışma – { $office }
walkin-title = Randevusuz
walkin-intro = Bugün randevusuz gelenler için yer olduğu sürece randevusuz sıra numarası verilir.
walkin-services = İşlemler
walkin-submit = Sıra numarası al
# $counter: bölüm, $when: gün ve saat
walkin-full = { $counter }: Bugün randevusuz gelenler için yer kalmadı. En yakın boş randevu: { $when }.
walkin-full-none = { $counter }: Bugün randevusuz gelenler için yer kalmadı. Lütfen internetten randevu alın.
kiosk-title = Geliş kaydı – { $office }
kiosk-intro = Randevunuz var mı? Randevu kodunuzu girin ya da e-postadaki QR kodu okuyucuya tutun.
kiosk-next = Tamam – sıradaki kişi
kiosk-locked = Bu cihaz henüz kiosk olarak etkinleştirilmedi. Bir yönetici, “termin kiosk add” komutunun verdiği anahtarı buraya bir kez girmelidir.
kiosk-token = Kiosk anahtarı
kiosk-unlock = Kiosk olarak etkinleştir
kiosk-unlock-wrong = Bu anahtar, bu hizmet noktasındaki kiosklardan hiçbirine ait değil.
kiosk-unlock-here = Bu cihazı kiosk olarak etkinleştir
kiosk-unlock-label = Cihazın adı (örneğin “Sol giriş”)

code-length = Randevu kodu 9 karakterden oluşur.
code-character = Randevu kodu yalnızca harf ve rakamlardan oluşur.
code-check = Randevu kodunda bir yazım hatası var. Lütfen kodu yeniden kontrol edin.
checkin-unknown = Bu randevu koduyla burada bir randevu yok.
# $status: randevunun durumu, sözcüklerle
checkin-closed = Bu randevunun durumu: { $status }. Bu randevu için geliş kaydı yapılamaz.
checkin-not-confirmed = Bu randevu henüz onaylanmadı. Lütfen randevuyu e-postadaki bağlantıyla onaylayın ya da danışmaya sorun.
# $number: sıra numarası
checkin-already = Bu randevu için geliş kaydı zaten yapıldı (sıra numarası: { $number }).
# $date: randevunun günü
checkin-not-today = Bu randevu bugün değil. Randevu tarihi: { $date }.
# $time: hangi saatten itibaren
checkin-too-early = Geliş kaydı şu saatten itibaren yapılabilir: { $time }.

## Gişe

desk-title-choose = Gişe seçin
desk-which = Gişe
desk-counters = Hizmet verdiğiniz bölümler
desk-start = Başla
# $desk: gişenin adı
desk-title = Gişe { $desk }
# $number: sıra numarası
desk-current = Sıra numarası { $number }
desk-state = Durum
# $n: kaçıncı çağrı
desk-calls = ({ $n }. çağrı)
desk-name = Ad
desk-appointment = Randevu
desk-arrived = Geldi – başla
desk-recall = Yeniden çağır
# $seconds: saniye
desk-recall-in = Yeniden çağırma { $seconds } sn sonra mümkün.
desk-no-show = Gelmedi
desk-resume = Devam et
desk-back = Sıraya geri al
desk-done = Tamamlandı
desk-handled = Gerçekte yapılan işlemler
desk-park = Bekletmeye al
desk-parked = Bu gişede bekletmeye alınanlar
desk-transfer = Yönlendir
desk-transfer-to = Yönlendirilecek bölüm
desk-call-next = Sıradakini çağır
desk-waiting = Bekleyenler
# $n: sayı
desk-waiting-count = { $n }
desk-change = Gişeyi veya bölümleri değiştir
desk-nobody = Bölümlerinizde bekleyen kimse yok.
desk-unknown = Bu hizmet noktasında böyle bir gişe yok.
# $number: sıra numarası, $state: durumu, sözcüklerle
desk-busy = Gişede hâlâ açık bir sıra numarası var: { $number } ({ $state }). Lütfen önce onu tamamlayın.
desk-unknown-ticket = Bugün burada böyle bir sıra numarası yok.
desk-not-allowed = { $number } – durum: { $state }. Bu şu anda yapılamaz.
desk-stale = { $number } bu arada değişti (şimdi: { $state }). Sayfa güncel durumu gösteriyor.
# $desk: çağrıldığı gişe
desk-wrong-desk = { $number } bu gişeye değil, başka bir gişeye çağrıldı: Gişe { $desk }.
desk-recall-too-soon = { $number } ancak { $seconds } sn sonra yeniden çağrılabilir.
desk-urgent-already = { $number } zaten acil.
desk-invalid = Lütfen kontrol edin: { $detail }

# $desk: gişe, $minutes: kaç dakikadır sürdüğü
alert-from = Acil durum çağrısı – Gişe { $desk } ({ $minutes } dk önce)
alert-coming = Geliyorum
alert-raise = Tüm gişelere acil durum çağrısı
alert-gone = Bu acil durum çağrısı zaten yanıtlandı.

## Günlük görünüm

# $office: hizmet noktasının adı
today-title = Bugün – { $office }
today-none = Bugün henüz kayıt yok.
today-ticket = Numara
today-arrived = Geliş
today-waited = Bekleme
today-desk = Gişe
today-walk-in = randevusuz
today-urgent = acil
# $n: kişi sayısı
today-persons = { $n } kişi
# $n: dakika
today-minutes = { $n } dk

## Bekleme salonundaki ekran

# $office: hizmet noktasının adı
display-title = Çağrılar – { $office }
display-calls = Çağrılanlar
display-none = Henüz kimse çağrılmadı.
display-to = şuraya:
# $desk: gişe
display-desk = Gişe { $desk }
display-before = Önceki çağrılar
display-waiting = Bekleyenler
display-sound = Sesi aç

follow-title = Sıra numaranız
# $desk: gişe
follow-called = Sıranız geldi. Lütfen şu gişeye gidin: { $desk }.
follow-over = Bu sıra numarası kapandı.
# $n: önünüzde bekleyen kişi sayısı
follow-position = { $n ->
    [0] Sıradaki sizsiniz.
   *[other] Önünüzde { $n } kişi var.
}
follow-reload = Bu sayfa kendiliğinden yenilenir.
follow-refresh = Şimdi yenile

## Denetim kaydı

audit-title = Denetim kaydı
audit-office = Hizmet noktası
audit-every-office = tüm hizmet noktaları
audit-from = Başlangıç
audit-to = Bitiş
audit-show = Göster
audit-none = Bu dönemde kayıt yok.
# $n: kayıt sayısı
audit-count = { $n } kayıt, en yenisi en üstte
audit-when = Ne zaman
audit-who = Kim
audit-what = Ne
audit-ticket = Sıra numarası
audit-detail = Ayrıntılar

## Kullanıcılar, API anahtarları, kiosklar

users-title = Kullanıcılar ve erişimler
users-list = Kullanıcılar
users-role = Rol
users-state = Durum
users-actions = Eylemler
users-active = aktif
users-disabled = devre dışı
users-reset = Yeni şifre
# $who: e-posta adresi
users-reset-who = { $who } için yeni şifre
users-disable = Devre dışı bırak
users-disable-who = Devre dışı bırak: { $who }
users-add = Kullanıcı ekle
users-office-hint = Görevliler ve birim sorumluları tek bir hizmet noktasına bağlıdır; yöneticiler tüm hizmet noktalarına.
users-password-hint = Şifre otomatik oluşturulur ve bir kez gösterilir.
users-add-submit = Ekle
# $who: e-posta adresi
shown-password = { $who } için şifre
shown-key = API anahtarı “{ $what }”
shown-kiosk = Kiosk anahtarı “{ $what }”
shown-once = Yalnızca şimdi görünür: Lütfen güvenli bir yolla iletin. Sistemde yalnızca bir karma değeri (hash) saklanır.
user-disabled = { $who } devre dışı bırakıldı; oturumları kapatıldı.
user-role = Böyle bir rol yok.
user-email = Bu bir e-posta adresi değil.
user-office = Böyle bir hizmet noktası yok.
user-office-missing = Görevliler ve birim sorumluları bir hizmet noktasına bağlıdır: Lütfen bir hizmet noktası seçin.
user-exists = Bu e-posta adresinin zaten bir hesabı var.
user-unknown = Bu e-posta adresine ait bir hesap yok.
user-label = Ad, 1 ile 100 karakter arasında tek bir satır olmalıdır.
user-forbidden = Bunu yalnızca bir yönetici yapabilir; görevliler için ise kendi hizmet noktasının birim sorumlusu da yapabilir.
keys-title = API anahtarları
keys-none = Henüz API anahtarı yok.
keys-add = API anahtarı ekle
keys-add-submit = Anahtar oluştur
kiosks-title = Kiosklar
kiosks-intro = Kiosk, girişte duran ve insanların geliş kaydını kendilerinin yaptığı bir cihazdır. Cihazda /kiosk/ adresini ve ardından hizmet noktasını açın, anahtarı orada girin.
kiosks-none = Etkinleştirilmiş kiosk yok.
kiosks-add = Kiosk etkinleştir
kiosks-add-submit = Anahtar oluştur
label = Ad
revoke = İptal et
# $what: ad
revoke-what = İptal et: { $what }
revoked = İptal edildi: Anahtar artık geçerli değil.

## İstatistik (birim sorumluları, yöneticiler)

staff-statistics = İstatistik
# $office: hizmet noktasının adı
stats-title = İstatistik – { $office }
stats-from = Başlangıç
stats-to = Bitiş
stats-by = Gruplama
stats-by-day = günlük
stats-by-week = haftalık
stats-by-month = aylık
stats-counter = Bölüm
stats-all-counters = tüm bölümler
stats-show = Göster
stats-csv = CSV olarak indir
stats-summary = Dönemin tamamında
stats-made = Alınan randevular
stats-appointments = Randevular
stats-confirmed = Onaylanan
stats-cancelled = İptal edilen
stats-cancelled-office = bunlardan kurum tarafından
stats-expired = Süresi dolan (onaylanmayan)
stats-no-shows = Gelmeyen
stats-came = Gelen
stats-walk-ins = Randevusuz
stats-served = İşlemi yapılan
stats-waiting-median = Bekleme süresi (medyan)
stats-waiting-p90 = Bekleme süresi (%90)
stats-within-15 = Randevu saatinden sonraki 15 dakika içinde çağrılan
# $minutes: hizmet noktasının hedef bekleme süresi
stats-over-target = { $minutes } dakikadan uzun bekleyen
stats-lead = Randevunun alınmasından randevuya kadar geçen süre (medyan)
stats-utilisation = Doluluk
stats-periods = Dönemlere göre rakamlar
stats-period = Dönem
stats-chart-appointments = Dönemlere göre randevular
stats-chart-waiting = Dönemlere göre bekleme süresi (medyan, dakika)
stats-handling = İşlemlere göre kişi başı işlem süresi
stats-service = İşlem
stats-cases = Vaka
stats-planned = Planlanan
stats-suggested = Öneri
# $n: en az vaka sayısı
stats-suggested-hint = Öneri, en az { $n } vaka olduğunda gösterilir: Medyanın, bölümün zaman adımına yukarı yuvarlanmış hâlidir. Öneri kendiliğinden uygulanmaz.
stats-ahead = Önümüzdeki haftaların doluluğu
stats-week = Hafta
stats-booked = Randevu alınan (dakika)
stats-bookable = Randevuya açık (dakika)
# $n: dakika
stats-minutes = { $n } dk
# $n: gün
stats-days = { $n ->
    [one] { $n } gün
   *[other] { $n } gün
}
stats-mistakes = Bu dönem bu şekilde gösterilemiyor
stats-range-too-long = Tek seferde en fazla { $days } gün.
stats-range-backwards = “Bitiş” tarihi, “Başlangıç” tarihinden önce olamaz.
# $field: alanın adı
stats-range-invalid = Lütfen “{ $field }” alanını kontrol edin.
stats-again = İstatistiğe dön
stats-percent = %{ $n }
stats-p90 = %90
stats-median = Medyan

## Haftanın doluluğu (birim sorumluları, yöneticiler)

staff-week = Hafta
# $date: haftanın pazartesi günü, $office: hizmet noktasının adı
week-title = { $date } tarihinden başlayan hafta – { $office }
week-earlier = Önceki hafta
week-later = Sonraki hafta
week-day = Şu günü içeren hafta
week-legend = Her hücrede: o saatte randevu alınan gişe dakikaları / internetten randevuya açık gişe dakikaları; altında “+” işaretiyle randevusuz gelenler için ayrılan gişe dakikaları. Bir saat ne kadar doluysa taraması o kadar sık ve koyu olur.
week-hour = Saat
week-closed = kapalı
# $minutes: bir zaman aralığının uzunluğu, $max: aralık başına en fazla kişi sayısı
week-arrivals = Her { $minutes } dakikada beklenen gelişler (en fazla { $max } kişi)
week-window = Zaman aralığı
week-full = dolu

## Plan düzenleyici (birim sorumluları)
staff-plan = Plan
plan-title = Plan – { $office }
plan-lead = Hizmet noktasının çalışma saatleri, gişeleri, işlemleri ve randevu kuralları (sürüm { $revision }). Önizleme, bir değişikliğin ne gibi bir etkisi olacağını kaydetmeden önce gösterir; siz kaydedene kadar hiçbir şey değişmez.
plan-saving = Değişikliği kaydet
plan-effective-from = Geçerlilik başlangıcı
plan-effective-hint = Boş: hemen. Tarih girilirse haftalık saatler bir önceki güne kadar olduğu gibi kalır; böylece gelecek ayın saatleri bugünden belirlenebilir. İşlemler, kurallar ve tarihli istisnalar hemen geçerli olur.
plan-note = Sürüm listesi için not (neden)
plan-preview = Önizleme
plan-save = Kaydet
plan-saved = Sürüm { $revision } olarak kaydedildi: { $moved } randevu başka zamana alındı, { $cancelled } randevu iptal edildi.
plan-stale = Bu formu açtığınızdan beri planı başka biri değiştirdi (güncel sürüm: { $revision }). O değişikliğin üzerine yazılmaması için hiçbir şey kaydedilmedi: Planı yeniden açın ve kendi değişikliğinizi yeniden yapın.
plan-in-use = İleri tarihli randevular buna bağlı: Bu randevular var olduğu sürece bölüm zaman adımını, hizmet noktası da saat dilimini ve geliş aralıklarını korur. Hiçbir şey kaydedilmedi.
plan-conflicts-refused = { $n ->
    [one] Bir randevu gişesiz kalacaktı. Hiçbir şey kaydedilmedi: Aşağıda randevunun başka zamana mı alınacağına yoksa iptal mi edileceğine karar verin, randevu sahibi için gerekçeyi yazın ve yeniden kaydedin.
   *[other] { $n } randevu gişesiz kalacaktı. Hiçbir şey kaydedilmedi: Aşağıda her biri (veya hepsi) için başka zamana mı alınacağına yoksa iptal mi edileceğine karar verin, randevu sahipleri için gerekçeyi yazın ve yeniden kaydedin.
}
plan-no-free-time = { $n ->
    [one] Bir randevuyu başka zamana almak için boş zaman kalmadı. Hiçbir şey kaydedilmedi: Randevuyu iptal edin veya plana daha fazla yer açın.
   *[other] { $n } randevuyu başka zamana almak için boş zaman kalmadı. Hiçbir şey kaydedilmedi: Bu randevuları iptal edin veya plana daha fazla yer açın.
}
plan-conflicts-title = { $n ->
    [one] Bir randevu gişesiz kalıyor
   *[other] { $n } randevu gişesiz kalıyor
}
plan-conflicts-lead = Başka zamana alınan randevular en yakın boş zamana, öncelikle aynı gün içinde yerleştirilir. Her randevu sahibi kendi dilinde, sizin gerekçenizi ve – randevu başka zamana alındıysa – yeni takvim kaydını içeren bir e-posta alır.
plan-decide-all = Ayrıca karar verilmemiş tüm randevular için
plan-decide-each = her biri için ayrı karar ver
plan-decide-open = karar verilmedi
plan-decide-move = en yakın boş zamana al
plan-decide-cancel = iptal et
plan-conflict-when = Randevu
plan-conflict-counter = Bölüm
plan-conflict-services = İşlemler
plan-conflict-decision = Karar
plan-reason = Randevu sahipleri için gerekçe (tek satır; e-postalarında yer alır)
plan-no-conflicts = Hiçbir randevu gişesiz kalmıyor.
plan-preview-title = Önizleme: { $date } tarihinden başlayan hafta
plan-preview-legend = Her bölüm ve saat için: gişeler / bunlardan internetten randevuya açık olanlar. Bir değişiklik önce → sonra şeklinde gösterilir, yeni değer kalın yazılır.
plan-section-office = Hizmet noktası
plan-zone = Saat dilimi { $zone }, { $state } eyaletinin resmî tatilleri (yalnızca hizmet noktası dosyasında değiştirilebilir).
plan-office-name = Ad
plan-address = Adres
plan-email = E-postalar için yanıt adresi
plan-sender = E-postaların gönderen adresi
plan-section-rules = Randevu kuralları
plan-notice = En geç randevu alma (randevudan kaç dakika önce)
plan-horizon = Ne kadar önceden randevu alınabilir (gün)
plan-release = Yeni günün randevuya açıldığı saat (HH:MM, boş: gece yarısı)
plan-confirm = Onay süresi (dakika, 0: hemen onaylanır)
plan-per-email = E-posta adresi başına aktif randevu
plan-hold = Seçilen saati ayırma süresi (dakika)
plan-reminder = Önceden hatırlatma (saat, 0: hatırlatma yok)
plan-arrivals-per = Geliş aralığı (dakika)
plan-arrivals-max = Geliş aralığı başına kişi
plan-section-queue = Sıra
plan-early = En erken geliş kaydı (dakika önce)
plan-late = En geç geliş kaydı (dakika sonra)
plan-recall = Yeniden çağırma (dakika sonra)
plan-max-calls = “Kaçırıldı” sayılmadan önceki çağrı sayısı
plan-desk-names = Gişeler
plan-one-per-line = Her satıra bir ad; boş: numaralandırılır.
plan-section-days = Kapalı günler ve açık olunan resmî tatiller
plan-closed = Kapalı olduğu günler
plan-open = Açık olduğu resmî tatiller
plan-dates-hint = Her satıra bir tarih, YYYY-MM-DD.
plan-counter = Bölüm: { $name }
plan-name = Ad
plan-grid = Zaman adımı (dakika)
plan-prefix = Sıra numarası ön eki
plan-hours = Haftalık saatler
plan-hours-hint = Her zaman aralığı için: günler, başlangıç ve bitiş (HH:MM, gece yarısı için 24:00), açık gişe sayısı ve bunlardan kaçının internetten randevuya açık olduğu (diğerleri randevusuz gelenlere hizmet verir). Yeni bir aralık eklemek için boş aralığı doldurun.
plan-window = Zaman aralığı
plan-days = Günler
plan-from = Başlangıç
plan-to = Bitiş
plan-desks = Gişeler
plan-online = İnternetten
plan-since = Geçerlilik başlangıcı
plan-until = Geçerlilik bitişi
plan-remove = Kaldır
plan-exceptions = Tarihli istisnalar
plan-exceptions-hint = Belirli bir tarihte, tüm gün veya belirli saatler arasında daha az ya da daha fazla gişe; saat girilmeden 0 gişe, bölümü o gün kapatır.
plan-exception = İstisna
plan-date = Tarih
plan-services = İşlemler
plan-service = İşlem
plan-new-service = Yeni işlem
plan-service-id = Kimlik (harf, rakam, - veya _; adreslerde görünür)
plan-minutes = Kişi başı dakika
plan-max-persons = En fazla kişi
plan-bring = Getirilmesi gerekenler
plan-new-counter = Yeni bölüm
plan-new-counter-hint = Bölüm eklemek için bu kısmı doldurun: bir kimlik, bir ad, en az bir zaman aralığı ve bir işlem. Boş bırakılırsa hiçbir şey değişmez.
plan-revisions-title = Sürümler
plan-revision = Sürüm
plan-revision-when = Kayıt zamanı
plan-revision-who = Kaydeden
plan-revision-bookings = Randevular
plan-revision-moved = { $moved } başka zamana alındı, { $cancelled } iptal edildi
plan-compare = { $revision }: karşılaştır
plan-compare-title = Sürüm { $revision } – { $office }
plan-compare-lead = Kaydeden: { $who }. Not: { $note }
plan-compare-first = İlk sürüm: Karşılaştırılabilecek daha eski bir sürüm yok.
plan-compare-legend = + ile başlayan satırlar bu sürümde eklendi, − ile başlayan satırlar kaldırıldı; hizmet noktası dosyasındaki ifadelerle.
plan-back = Plana dön

## Takvim abonelikleri
staff-feeds = Takvimler ve webhook'lar
feeds-title = Takvim abonelikleri ve webhook'lar · { $office }
feeds-intro = Bir takvim aboneliği, bir gişenin randevularını belediyenin gizli adrese abone olan grup yazılımı takvimine verir. Adresi bilen herkes okuyabilir: adresi yalnızca takvime verin ve artık gerekmediğinde iptal edin.
feeds-list = Kullanımdaki abonelikler
feeds-none = Henüz takvim aboneliği yok.
feeds-counter = Gişe
feeds-names = İsimler
feeds-with-names = isimler ve rezervasyon kodlarıyla
feeds-without-names = yalnızca hizmetler ve kişi sayısı
feeds-made = Oluşturuldu
feeds-add = Yeni takvim aboneliği
feeds-names-choice = İsimleri ve rezervasyon kodlarını ekle
feeds-names-hint = Yalnızca takvimi sadece personel okuyorsa. Bu olmadan kayıtlar hizmetleri ve kişi sayısını gösterir.
feeds-add-submit = Abonelik oluştur
feeds-made-title = Yeni aboneliğin adresi
feeds-shown-once = Yalnızca şimdi gösterilir. Abone olacak takvime kopyalayın.
feeds-label-wrong = Aboneliğe 1 ile 100 karakter arasında bir ad verin.
feeds-gone = Bu abonelik zaten iptal edilmişti.
feed-summary = { $services } · { $persons } kişi
feed-code = Rezervasyon kodu { $code }

hooks-title = Webhook'lar
hooks-intro = Bir webhook, bu kurumun rezervasyonlarına olanları (oluşturuldu, ertelendi, iptal edildi, giriş yapıldı, tamamlandı, gelmedi) bir arka ofis sistemine sırayla ve bir anahtarla imzalı olarak bildirir. İsim ve adres gönderilmez.
hooks-none = Henüz webhook yok.
hooks-list = Kullanımdaki webhook'lar
hooks-url = Adres (URL)
hooks-state = Durum
hooks-ok = iletiliyor
hooks-failing = { $attempts } başarısız deneme, tekrar denenecek
hooks-add = Yeni webhook
hooks-add-submit = Webhook ekle
hooks-made-title = Yeni webhook'un anahtarı
hooks-shown-once = Yalnızca şimdi gösterilir. Alıcı sistem her isteğin imzasını bununla doğrular.
hooks-url-wrong = http:// veya https:// ile başlayan bir adres girin.

stats-compare-title = Kurumların karşılaştırması
stats-compare-caption = { $from } ile { $to } arasında tüm kurumlar

stats-hints = Planlama ipuçları
stats-hints-none = Bu dönemde daha fazla masaya işaret eden bir şey yok.
stats-hint-walk-ins = { $counter }: { $days } günde randevusuz { $count } kişi geri çevrildi. Randevusuz gelenler için daha fazla masa yardımcı olur.
stats-hint-booked-out = { $counter }: { $days } günde çevrimiçi tamamen dolu. Daha fazla çevrimiçi masa yardımcı olur.
stats-next-free = Her gün itibarıyla en yakın boş randevu (bir kişi)
stats-day = Gün
stats-days-ahead = Gün sonra
stats-none-free = boş yok
