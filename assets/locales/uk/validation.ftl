## Помилки в плані: у файлі відділення (`termin import`), в API плану та в
## редакторі плану. Кожна стоїть після місця, де її знайдено
## ("office mitte, counter kfz, hours #2, desks: …"). Ключі та приклади
## в TOML залишаються без змін.

office-file-not-toml = недійсний TOML: { $problem }
office-file-office-not-table = має бути таблицею ([[office]])
office-file-offices-not-array = має бути масивом таблиць ([[office]])
office-file-no-office = у файлі немає [[office]]
office-file-office-id-twice = цей ідентифікатор у файлі використано двічі
office-file-unknown-key = невідомий ключ (тут допустимі: { $known })
office-file-empty = не може бути порожнім
office-file-not-one-line = має бути одним рядком довжиною до { $max } { $max ->
        [one] символу
       *[other] символів
    }
office-file-not-string = має бути текстом
office-file-missing = не вказано
office-file-not-text = має бути текстом або таблицею {"{"} de = "…", en = "…", uk, tr, ar {"}"}
office-file-bad-id = "{ $id }" може містити лише малі латинські літери, цифри, - або _ (щонайбільше { $max }), бо ідентифікатор з'являється в адресах
office-file-out-of-range = { $n } не в межах від { $min } до { $max }
office-file-not-whole-number = має бути цілим числом
office-file-time-not-string = має бути часом у вигляді тексту, "HH:MM"
office-file-not-time = "{ $time }" — не час доби ("HH:MM", від 00:00 до 23:59)
office-file-not-date = { $value } — не дата ("YYYY-MM-DD")
office-file-not-dates = має бути списком дат
office-file-not-table = має бути таблицею
office-file-not-tables = має бути масивом таблиць ([[…{ $key }]])
office-file-bad-timezone = "{ $tz }" — не назва часового поясу IANA, як-от "Europe/Berlin"
office-file-bad-state = "{ $code }" — не код федеральної землі ({ $codes })
office-file-not-day-divisor = { $n } не ділить добу на рівні частини
office-file-arrivals-not-table = має бути таблицею {"{"} per_minutes = 15, max = 12 {"}"}
office-file-bad-email = "{ $email }" — не адреса електронної пошти
office-file-no-counter = не має жодного розділу ([[office.counter]])
office-file-prefix-twice = префікс номерів талонів "{ $prefix }" має й інший розділ: задайте ticket_prefix, щоб у залі очікування талони цих розділів можна було розрізнити
office-file-counter-id-twice = ідентифікатор розділу в цьому відділенні використано двічі
office-file-service-id-twice = ідентифікатор послуги в цьому відділенні використано двічі
office-file-queue-not-table = має бути таблицею ([office.queue])
office-file-named-twice = { $name } вказано двічі
office-file-bad-desk-name = { $value } — не назва віконця (один рядок, від 1 до { $max } { $max ->
        [one] символу
       *[other] символів
    })
office-file-not-desk-list = має бути списком назв віконець, наприклад ["1", "2", "Raum 1.12"]
office-file-bad-prefix = "{ $prefix }" має складатися з 1–3 великих латинських літер або цифр
office-file-not-hour-divisor = { $n } не ділить годину на рівні частини
office-file-no-service = не має жодної послуги ([[office.counter.service]])
office-file-online-above-desks = { $online } для онлайн-запису, але є лише { $desks ->
        [one] { $desks } віконце
        [few] { $desks } віконця
        [many] { $desks } віконець
       *[other] { $desks } віконця
    }
office-file-window-backwards = часове вікно закінчується раніше, ніж починається
office-file-off-grid = не відповідає часовій сітці розділу з кроком { $grid } хв
office-file-until-before-since = раніше за since
office-file-overlap = перетинається з { $other } { $day ->
        [mon] по понеділках
        [tue] по вівторках
        [wed] по середах
        [thu] по четвергах
        [fri] по п'ятницях
        [sat] по суботах
        [sun] по неділях
       *[other] у день { $day }
    }
office-file-exception-half = вкажіть або і from, і to, або жодного з них (на весь день)
office-file-exception-backwards = виняток закінчується раніше, ніж починається
office-file-exception-off-grid = from і to мають відповідати часовій сітці розділу
office-file-not-weekdays = має бути списком днів тижня, наприклад ["mon", "tue"]
office-file-no-day = не вказано жодного дня
office-file-not-weekday = { $value } — не день тижня (mon, tue, wed, thu, fri, sat, sun)
office-file-minutes-off-grid = { $minutes } не кратне кроку часової сітки розділу ({ $grid } хв)

## Помилки, які можливі лише під час зміни плану.

plan-keeps-id = відділення зберігає свій ідентифікатор ("{ $id }")
plan-effective-past = у минулому: зміна може діяти лише з сьогоднішнього дня або пізніше
plan-reason-bad = { $reason }: вкажіть причину одним рядком від 1 до { $max } { $max ->
        [one] символу
       *[other] символів
    } — її буде вказано в листі відвідувачеві
plan-note-too-long = має бути одним рядком до { $max } { $max ->
        [one] символу
       *[other] символів
    }
