## أخطاء في الخطة: في ملف المكتب (`termin import`)، وفي API الخطة، وفي محرر
## الخطة. يأتي كل خطأ بعد الموضع الذي وُجد فيه ("office mitte, counter kfz,
## hours #2, desks: …"). تبقى مفاتيح TOML وأمثلته كما هي.

office-file-not-toml = ليس TOML صالحًا: { $problem }
office-file-office-not-table = يجب أن يكون جدولًا ([[office]])
office-file-offices-not-array = يجب أن يكون مصفوفة من الجداول ([[office]])
office-file-no-office = لا يحتوي الملف على [[office]]
office-file-office-id-twice = المعرّف مستخدم مرتين في هذا الملف
office-file-unknown-key = مفتاح غير معروف (المفاتيح المعروفة هنا: { $known })
office-file-empty = يجب ألا يكون فارغًا
office-file-not-one-line = يجب أن يكون سطرًا واحدًا لا يزيد عدد أحرفه على { $max }
office-file-not-string = يجب أن يكون نصًا
office-file-missing = غير موجود
office-file-not-text = يجب أن يكون نصًا أو جدولًا {"{"} de = "…", en = "…", uk, tr, ar {"}"}
office-file-bad-id = يجب أن يتكون "{ $id }" من حروف لاتينية صغيرة وأرقام و- أو _ فقط ({ $max } على الأكثر)، لأنه يظهر في العناوين
office-file-out-of-range = { $n } لا يقع بين { $min } و{ $max }
office-file-not-whole-number = يجب أن يكون عددًا صحيحًا
office-file-time-not-string = يجب أن يكون وقتًا مكتوبًا كنص، "HH:MM"
office-file-not-time = "{ $time }" ليس وقتًا من اليوم ("HH:MM"، من 00:00 إلى 23:59)
office-file-not-date = { $value } ليس تاريخًا ("YYYY-MM-DD")
office-file-not-dates = يجب أن يكون قائمة من التواريخ
office-file-not-table = يجب أن يكون جدولًا
office-file-not-tables = يجب أن يكون مصفوفة من الجداول ([[…{ $key }]])
office-file-bad-timezone = "{ $tz }" ليس اسم منطقة زمنية في IANA، مثل "Europe/Berlin"
office-file-bad-state = "{ $code }" ليس رمزًا لولاية ألمانية ({ $codes })
office-file-not-day-divisor = { $n } لا يقسم اليوم إلى أجزاء متساوية
office-file-arrivals-not-table = يجب أن يكون جدولًا {"{"} per_minutes = 15, max = 12 {"}"}
office-file-bad-email = "{ $email }" ليس عنوان بريد إلكتروني
office-file-no-counter = لا يوجد فيه أي قسم ([[office.counter]])
office-file-prefix-twice = بادئة أرقام الانتظار "{ $prefix }" يستخدمها قسم آخر أيضًا: حدِّد ticket_prefix حتى يمكن التمييز بين أرقام انتظار القسمين في غرفة الانتظار
office-file-counter-id-twice = معرّف القسم مستخدم مرتين في هذا المكتب
office-file-service-id-twice = معرّف الخدمة مستخدم مرتين في هذا المكتب
office-file-queue-not-table = يجب أن يكون جدولًا ([office.queue])
office-file-named-twice = { $name } مذكور مرتين
office-file-bad-desk-name = { $value } ليس اسمًا صالحًا لشباك (سطر واحد، عدد أحرفه من 1 إلى { $max })
office-file-not-desk-list = يجب أن يكون قائمة بأسماء الشبابيك، مثل ["1", "2", "Raum 1.12"]
office-file-bad-prefix = يجب أن يتكون "{ $prefix }" من 1 إلى 3 من الحروف اللاتينية الكبيرة أو الأرقام
office-file-not-hour-divisor = { $n } لا يقسم الساعة إلى أجزاء متساوية
office-file-no-service = لا توجد فيه أي خدمة ([[office.counter.service]])
office-file-online-above-desks = عدد الشبابيك المتاحة عبر الإنترنت { $online }، لكن { $desks ->
        [zero] لا يوجد أي شباك
        [one] لا يوجد إلا شباك واحد
        [two] لا يوجد إلا شباكان
        [few] لا يوجد إلا { $desks } شبابيك
        [many] لا يوجد إلا { $desks } شباكًا
       *[other] لا يوجد إلا { $desks } شباك
    }
office-file-window-backwards = تنتهي الفترة الزمنية قبل أن تبدأ
office-file-off-grid = لا يتوافق مع الفواصل الزمنية للقسم، ومقدار كل منها { $grid ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $grid } دقائق
        [many] { $grid } دقيقة
       *[other] { $grid } دقيقة
    }
office-file-until-before-since = يقع قبل since
office-file-overlap = يتداخل { $day ->
        [mon] يوم الاثنين
        [tue] يوم الثلاثاء
        [wed] يوم الأربعاء
        [thu] يوم الخميس
        [fri] يوم الجمعة
        [sat] يوم السبت
        [sun] يوم الأحد
       *[other] في { $day }
    } مع { $other }
office-file-exception-half = حدِّد from و to كليهما، أو لا تحدد أيًّا منهما ليشمل الاستثناء اليوم كله
office-file-exception-backwards = ينتهي الاستثناء قبل أن يبدأ
office-file-exception-off-grid = يجب أن يتوافق from و to مع الفواصل الزمنية للقسم
office-file-not-weekdays = يجب أن يكون قائمة من أيام الأسبوع، مثل ["mon", "tue"]
office-file-no-day = لا يذكر أي يوم
office-file-not-weekday = { $value } ليس يومًا من أيام الأسبوع (mon, tue, wed, thu, fri, sat, sun)
office-file-minutes-off-grid = { $minutes } ليس من مضاعفات الفاصل الزمني للقسم، ومقداره { $grid ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $grid } دقائق
        [many] { $grid } دقيقة
       *[other] { $grid } دقيقة
    }

## أخطاء لا تحدث إلا عند تغيير الخطة.

plan-keeps-id = يحتفظ المكتب بمعرّفه ("{ $id }")
plan-effective-past = يقع في الماضي: يسري التغيير اعتبارًا من اليوم أو بعده
plan-reason-bad = { $reason }: اكتب السبب في سطر واحد، عدد أحرفه من 1 إلى { $max }، للرسالة التي تصل إلى صاحب الموعد
plan-note-too-long = يجب أن يكون سطرًا واحدًا لا يزيد عدد أحرفه على { $max }
