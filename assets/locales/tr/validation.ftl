## Bir plandaki hatalar: hizmet noktası dosyasında (`termin import`), plan
## API'sinde ve plan düzenleyicide. Her biri bulunduğu yerin ardından gelir
## ("office mitte, counter kfz, hours #2, desks: …"). TOML'daki anahtarlar ve
## örnekler olduğu gibi kalır.

office-file-not-toml = geçerli bir TOML değil: { $problem }
office-file-office-not-table = bir tablo olmalıdır ([[office]])
office-file-offices-not-array = bir tablo dizisi olmalıdır ([[office]])
office-file-no-office = dosyada hiç [[office]] yok
office-file-office-id-twice = bu kimlik bu dosyada iki kez kullanılmış
office-file-unknown-key = bilinmeyen anahtar (burada bilinenler: { $known })
office-file-empty = boş olmamalıdır
office-file-not-one-line = en fazla { $max } karakterlik tek bir satır olmalıdır
office-file-not-string = bir metin olmalıdır
office-file-missing = eksik
office-file-not-text = bir metin ya da bir tablo olmalıdır {"{"} de = "…", en = "…", uk, tr, ar {"}"}
office-file-bad-id = "{ $id }" yalnızca küçük harf, rakam, - veya _ içerebilir (en fazla { $max } karakter), çünkü adreslerde görünür
office-file-out-of-range = { $n } değeri { $min } ile { $max } arasında değil
office-file-not-whole-number = bir tam sayı olmalıdır
office-file-time-not-string = metin olarak yazılmış bir saat olmalıdır, "HH:MM"
office-file-not-time = "{ $time }" geçerli bir saat değil ("HH:MM", 00:00 ile 23:59 arası)
office-file-not-date = { $value } bir tarih değil ("YYYY-MM-DD")
office-file-not-dates = bir tarih listesi olmalıdır
office-file-not-table = bir tablo olmalıdır
office-file-not-tables = bir tablo dizisi olmalıdır ([[…{ $key }]])
office-file-bad-timezone = "{ $tz }" bir IANA saat dilimi adı değil (örneğin "Europe/Berlin")
office-file-bad-state = "{ $code }" bir Alman eyaletinin kodu değil ({ $codes })
office-file-not-day-divisor = bir gün { $n } dakikalık eşit parçalara bölünmüyor
office-file-arrivals-not-table = bir tablo olmalıdır {"{"} per_minutes = 15, max = 12 {"}"}
office-file-bad-email = "{ $email }" bir e-posta adresi değil
office-file-no-counter = hiç bölümü yok ([[office.counter]])
office-file-prefix-twice = "{ $prefix }" sıra numarası ön ekini başka bir bölüm de kullanıyor: Bekleme salonunda iki bölümün sıra numaralarının karışmaması için ticket_prefix değerini belirleyin
office-file-counter-id-twice = bölüm kimliği bu hizmet noktasında iki kez kullanılmış
office-file-service-id-twice = işlem kimliği bu hizmet noktasında iki kez kullanılmış
office-file-queue-not-table = bir tablo olmalıdır ([office.queue])
office-file-named-twice = { $name } iki kez geçiyor
office-file-bad-desk-name = { $value } geçerli bir gişe adı değil (tek satır, 1 ile { $max } karakter arası)
office-file-not-desk-list = gişe adlarından oluşan bir liste olmalıdır, örneğin ["1", "2", "Raum 1.12"]
office-file-bad-prefix = "{ $prefix }" 1 ile 3 arası büyük harf veya rakamdan oluşmalıdır
office-file-not-hour-divisor = bir saat { $n } dakikalık eşit parçalara bölünmüyor
office-file-no-service = hiç işlemi yok ([[office.counter.service]])
office-file-online-above-desks = { $online } gişe internetten randevuya açık, ancak yalnızca { $desks } gişe var
office-file-window-backwards = zaman aralığı başladığı saatten önce bitiyor
office-file-off-grid = bölümün { $grid } dakikalık zaman adımına uymuyor
office-file-until-before-since = since tarihinden önce
office-file-overlap = { $day ->
        [mon] pazartesi
        [tue] salı
        [wed] çarşamba
        [thu] perşembe
        [fri] cuma
        [sat] cumartesi
        [sun] pazar
       *[other] { $day }
    } günleri { $other } ile çakışıyor
office-file-exception-half = from ve to değerlerinin ikisini de girin ya da tüm gün için hiçbirini girmeyin
office-file-exception-backwards = istisna başladığı saatten önce bitiyor
office-file-exception-off-grid = from ve to değerleri bölümün zaman adımına uymalıdır
office-file-not-weekdays = hafta günlerinden oluşan bir liste olmalıdır, örneğin ["mon", "tue"]
office-file-no-day = hiçbir gün belirtilmemiş
office-file-not-weekday = { $value } bir hafta günü değil (mon, tue, wed, thu, fri, sat, sun)
office-file-minutes-off-grid = { $minutes } dakika, bölümün { $grid } dakikalık zaman adımının katı değil

## Yalnızca bir plan değişikliğinin yol açabileceği hatalar.

plan-keeps-id = bir hizmet noktasının kimliği değişmez ("{ $id }")
plan-effective-past = geçmiş bir tarih: Bir değişiklik ancak bugünden ya da daha sonraki bir günden itibaren geçerli olabilir
plan-reason-bad = { $reason }: Randevu sahibine gidecek e-posta için gerekçeyi 1 ile { $max } karakter arasında tek bir satırda yazın
plan-note-too-long = en fazla { $max } karakterlik tek bir satır olabilir
