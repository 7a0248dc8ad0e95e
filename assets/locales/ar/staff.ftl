# صفحات الموظفين، وجهاز الخدمة الذاتية عند المدخل، والشاشة في غرفة الانتظار،
# وصفحة رقم الانتظار على هاتف صاحبه.

## تسجيل الدخول والصفحة الرئيسية

login-title = تسجيل دخول الموظفين
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-failed = لم ينجح تسجيل الدخول
login-refused = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
# $seconds: الثواني حتى المحاولة التالية
login-slow = محاولات فاشلة كثيرة جدًا. يرجى المحاولة مرة أخرى { $seconds ->
    [zero] بعد لحظات
    [one] بعد ثانية واحدة
    [two] بعد ثانيتين
    [few] بعد { $seconds } ثوانٍ
    [many] بعد { $seconds } ثانية
   *[other] بعد { $seconds } ثانية
}.
login-needed = يرجى تسجيل الدخول. تنتهي جلسة الدخول بعد { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} دون استخدام.
logged-out = لقد سجّلت الخروج.

staff-nav = الموظفون
staff-home = نظرة عامة
staff-today = لوحة اليوم
staff-desk = الشباك
staff-checkin = الاستقبال
staff-display = الشاشة
staff-audit = سجل التدقيق
staff-users = المستخدمون
# $who: عنوان البريد الإلكتروني للشخص المسجّل دخوله
staff-logout = تسجيل الخروج ({ $who })
staff-index-title = مكاتبك

forbidden-title = لا تملك صلاحية الوصول
forbidden-text = هذه الصفحة غير متاحة لدورك أو لمكتبك.

password-title = تغيير كلمة المرور
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-new-hint = 12 حرفًا على الأقل. بعد التغيير تنتهي جلسات الدخول الأخرى الخاصة بك.
password-submit = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور، وانتهت جلسات الدخول الأخرى الخاصة بك.
password-wrong = كلمة المرور الحالية غير صحيحة.
password-weak = يجب أن تتكون كلمة المرور الجديدة من 12 حرفًا على الأقل.

## أرقام الانتظار

ticket-waiting = في الانتظار
ticket-called = تم النداء عليه
ticket-serving = قيد المعالجة
ticket-done = مكتمل
ticket-no-show = لم يحضر
ticket-missed = فاته الدور
ticket-back = في الانتظار مجددًا
ticket-transferred = تم تحويله
ticket-parked = مؤجَّل
status-checked-in = تم تسجيل الحضور

# $lo, $hi: الدقائق
wait-range = من { $lo } إلى { $hi } { $hi ->
    [few] دقائق
   *[other] دقيقة
} تقريبًا
ticket-your-number = رقم انتظارك
ticket-late = لقد وصلت بعد وقت موعدك. سننادي عليك عندما يصبح أحد الشبابيك متاحًا.
ticket-urgent = عاجل: سيتم النداء عليك أولًا.
# $wait: مدة الانتظار المتوقعة، مثل «من 10 إلى 20 دقيقة تقريبًا»
ticket-wait = مدة الانتظار المتوقعة: { $wait }
ticket-watch = انتبه إلى الشاشة في غرفة الانتظار: سيظهر رقمك عليها مع الشباك الذي تتوجه إليه.
ticket-qr = رمز QR: تابع رقم انتظارك على هاتفك
ticket-follow = متابعة رقم الانتظار على الهاتف

## الاستقبال وجهاز الخدمة الذاتية

checkin-code = رمز الحجز
checkin-code-hint = تجده في رسالة التأكيد التي وصلتك بالبريد الإلكتروني، ويتكون من 9 خانات، مثل 7K3M-9QXD-4. أو ضع رمز QR أمام الماسح الضوئي.
checkin-urgent = عاجل (يتم النداء عليه أولًا)
checkin-submit = تسجيل الحضور والحصول على رقم انتظار
# $office: اسم المكتب
checkin-title = الاستقبال – { $office }
walkin-title = بدون موعد
walkin-intro = يمكن الحصول على رقم انتظار بدون موعد ما دامت الأماكن المخصصة للأشخاص بدون موعد متاحة اليوم.
walkin-services = الخدمات
walkin-submit = سحب رقم انتظار
# $counter: القسم، $when: اليوم والوقت
walkin-full = لم تعد هناك أماكن متاحة اليوم في { $counter } للأشخاص بدون موعد. أقرب موعد متاح: { $when }.
walkin-full-none = لم تعد هناك أماكن متاحة اليوم في { $counter } للأشخاص بدون موعد. يرجى حجز موعد عبر الإنترنت.
kiosk-title = تسجيل الحضور – { $office }
kiosk-intro = هل لديك موعد؟ أدخل رمز الحجز، أو ضع رمز QR الموجود في رسالة البريد الإلكتروني أمام الماسح الضوئي.
kiosk-next = تم – الشخص التالي
kiosk-locked = لم يتم تفعيل هذا الجهاز بعد كجهاز خدمة ذاتية. يُدخل مسؤول النظام هنا مرة واحدة المفتاح الذي أظهره الأمر «termin kiosk add».
kiosk-token = مفتاح جهاز الخدمة الذاتية
kiosk-unlock = التفعيل كجهاز خدمة ذاتية
kiosk-unlock-wrong = هذا المفتاح لا يخص أي جهاز خدمة ذاتية في هذا المكتب.
kiosk-unlock-here = تفعيل هذا الجهاز كجهاز خدمة ذاتية
kiosk-unlock-label = اسم الجهاز (مثل «المدخل الأيسر»)

code-length = يتكون رمز الحجز من 9 خانات.
code-character = يحتوي رمز الحجز على حروف وأرقام فقط.
code-check = يبدو أن في رمز الحجز خطأً في الكتابة. يرجى التحقق منه مرة أخرى.
checkin-unknown = لا يوجد هنا موعد برمز الحجز هذا.
# $status: حالة الموعد بالكلمات
checkin-closed = حالة هذا الموعد: { $status }، ولا يمكن تسجيل الحضور له.
checkin-not-confirmed = هذا الموعد لم يُؤكَّد بعد. يرجى تأكيده عبر الرابط الموجود في رسالة البريد الإلكتروني، أو السؤال في الاستقبال.
# $number: رقم الانتظار
checkin-already = تم تسجيل الحضور لهذا الموعد بالفعل (رقم الانتظار { $number }).
# $date: يوم الموعد
checkin-not-today = هذا الموعد في { $date }، وليس اليوم.
# $time: بدءًا من أي وقت
checkin-too-early = يمكن تسجيل الحضور ابتداءً من الساعة { $time }.

## الشباك

desk-title-choose = اختيار الشباك
desk-which = الشباك
desk-counters = الأقسام التي تخدمها
desk-start = البدء
# $desk: اسم الشباك
desk-title = الشباك { $desk }
# $number: رقم الانتظار
desk-current = رقم الانتظار { $number }
desk-state = الحالة
# $n: عدد مرات النداء
desk-calls = (النداء رقم { $n })
desk-name = الاسم
desk-appointment = الموعد
desk-arrived = حضر – البدء
desk-recall = النداء مرة أخرى
# $seconds: الثواني
desk-recall-in = يمكن النداء مرة أخرى { $seconds ->
    [zero] بعد لحظات
    [one] بعد ثانية واحدة
    [two] بعد ثانيتين
    [few] بعد { $seconds } ثوانٍ
    [many] بعد { $seconds } ثانية
   *[other] بعد { $seconds } ثانية
}.
desk-no-show = لم يحضر
desk-resume = متابعة المعالجة
desk-back = إعادة إلى قائمة الانتظار
desk-done = تم الإنجاز
desk-handled = الخدمات التي أُنجزت فعلًا
desk-park = تأجيل
desk-parked = المؤجَّلة عند هذا الشباك
desk-transfer = تحويل
desk-transfer-to = إلى القسم
desk-call-next = نداء الشخص التالي
desk-waiting = في الانتظار
# $n: العدد
desk-waiting-count = { $n }
desk-change = تغيير الشباك أو الأقسام
desk-nobody = لا أحد ينتظر في أقسامك.
desk-unknown = لا يوجد هذا الشباك في هذا المكتب.
# $number: رقم الانتظار، $state: حالته بالكلمات
desk-busy = لا يزال رقم الانتظار { $number } على هذا الشباك (الحالة: { $state }). يرجى إنهاؤه أولًا.
desk-unknown-ticket = رقم الانتظار هذا غير موجود هنا اليوم.
desk-not-allowed = حالة { $number }: { $state }، ولذلك لا يمكن تنفيذ ذلك الآن.
desk-stale = تغيّرت حالة { $number } في هذه الأثناء (الآن: { $state }). تعرض الصفحة الحالة الجديدة.
# $desk: الشباك الذي تم النداء عليه إليه
desk-wrong-desk = تم النداء على { $number } إلى الشباك { $desk }، وليس إلى هذا الشباك.
desk-recall-too-soon = لا يمكن النداء على { $number } مرة أخرى إلا { $seconds ->
    [zero] بعد لحظات
    [one] بعد ثانية واحدة
    [two] بعد ثانيتين
    [few] بعد { $seconds } ثوانٍ
    [many] بعد { $seconds } ثانية
   *[other] بعد { $seconds } ثانية
}.
desk-urgent-already = { $number } معلَّم بالفعل على أنه عاجل.
desk-invalid = يرجى التحقق: { $detail }

# $desk: الشباك، $minutes: منذ كم دقيقة
alert-from = إنذار طوارئ من الشباك { $desk } ({ $minutes ->
    [zero] منذ لحظات
    [one] منذ دقيقة واحدة
    [two] منذ دقيقتين
    [few] منذ { $minutes } دقائق
    [many] منذ { $minutes } دقيقة
   *[other] منذ { $minutes } دقيقة
})
alert-coming = أنا قادم
alert-raise = إنذار طوارئ إلى جميع الشبابيك
alert-gone = تمت الاستجابة لهذا الإنذار بالفعل.

## لوحة اليوم

# $office: اسم المكتب
today-title = اليوم – { $office }
today-none = لا شيء حتى الآن اليوم.
today-ticket = الرقم
today-arrived = وقت الوصول
today-waited = مدة الانتظار
today-desk = الشباك
today-walk-in = بدون موعد
today-urgent = عاجل
# $n: عدد الأشخاص
today-persons = { $n ->
    [zero] لا أشخاص
    [one] شخص واحد
    [two] شخصان
    [few] { $n } أشخاص
    [many] { $n } شخصًا
   *[other] { $n } شخص
}
# $n: الدقائق
today-minutes = { $n ->
    [zero] { $n } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $n } دقائق
    [many] { $n } دقيقة
   *[other] { $n } دقيقة
}

## الشاشة في غرفة الانتظار

# $office: اسم المكتب
display-title = النداءات – { $office }
display-calls = تم النداء
display-none = لم يتم النداء على أحد بعد.
display-to = إلى
# $desk: الشباك
display-desk = الشباك { $desk }
display-before = النداءات السابقة
display-waiting = في الانتظار
display-sound = تشغيل الصوت

follow-title = رقم انتظارك
# $desk: الشباك
follow-called = حان دورك: يرجى التوجه إلى الشباك { $desk }.
follow-over = تم إغلاق رقم الانتظار هذا.
# $n: عدد الأشخاص الذين ينتظرون قبلك
follow-position = { $n ->
    [0] دورك هو التالي.
    [one] أمامك شخص واحد.
    [two] أمامك شخصان.
    [few] أمامك { $n } أشخاص.
    [many] أمامك { $n } شخصًا.
   *[other] أمامك { $n } شخص.
}
follow-reload = تتحدّث هذه الصفحة تلقائيًا.
follow-refresh = حدِّث الآن

## سجل التدقيق

audit-title = سجل التدقيق
audit-office = المكتب
audit-every-office = جميع المكاتب
audit-from = من
audit-to = إلى
audit-show = عرض
audit-none = لا توجد إدخالات في هذه الفترة.
# $n: عدد الإدخالات
audit-count = { $n ->
    [zero] { $n } إدخال
    [one] إدخال واحد
    [two] إدخالان
    [few] { $n } إدخالات
    [many] { $n } إدخالًا
   *[other] { $n } إدخال
}، الأحدث أولًا
audit-when = الوقت
audit-who = الشخص
audit-what = الإجراء
audit-ticket = رقم الانتظار
audit-detail = التفاصيل

## المستخدمون، ومفاتيح API، وأجهزة الخدمة الذاتية

users-title = المستخدمون والحسابات
users-list = المستخدمون
users-role = الدور
users-state = الحالة
users-actions = الإجراءات
users-active = نشط
users-disabled = موقوف
users-reset = كلمة مرور جديدة
# $who: عنوان البريد الإلكتروني
users-reset-who = كلمة مرور جديدة للمستخدم { $who }
users-disable = إيقاف
users-disable-who = إيقاف { $who }
users-add = إضافة مستخدم
users-office-hint = موظفو الشباك ورؤساء المكاتب يتبعون مكتبًا واحدًا؛ ومسؤولو النظام يتبعون جميع المكاتب.
users-password-hint = تُنشأ كلمة المرور تلقائيًا وتُعرض مرة واحدة فقط.
users-add-submit = إضافة
# $who: عنوان البريد الإلكتروني
shown-password = كلمة المرور للمستخدم { $who }
shown-key = مفتاح API «{ $what }»
shown-kiosk = مفتاح جهاز الخدمة الذاتية «{ $what }»
shown-once = يظهر هذا الآن فقط: يرجى تسليمه بطريقة آمنة. لا تُحفظ منه إلا قيمة تحقق.
user-disabled = تم إيقاف { $who }، وانتهت جميع جلسات الدخول الخاصة بهذا الحساب.
user-role = هذا الدور غير موجود.
user-email = هذا ليس عنوان بريد إلكتروني.
user-office = هذا المكتب غير موجود.
user-office-missing = موظفو الشباك ورؤساء المكاتب يتبعون مكتبًا: يرجى اختيار مكتب.
user-exists = يوجد بالفعل حساب لعنوان البريد الإلكتروني هذا.
user-unknown = لا يوجد حساب لعنوان البريد الإلكتروني هذا.
user-label = الاسم سطر واحد من 1 إلى 100 حرف.
user-forbidden = لا يحق ذلك إلا لمسؤول النظام، أو لرئيس المكتب بالنسبة إلى موظفي الشباك في مكتبه.
keys-title = مفاتيح API
keys-none = لا توجد مفاتيح API بعد.
keys-add = إضافة مفتاح API
keys-add-submit = إنشاء المفتاح
kiosks-title = أجهزة الخدمة الذاتية
kiosks-intro = جهاز الخدمة الذاتية جهاز عند المدخل يسجّل فيه الناس حضورهم بأنفسهم. افتح على الجهاز العنوان /kiosk/ متبوعًا بالمكتب، وأدخل المفتاح هناك.
kiosks-none = لا يوجد جهاز خدمة ذاتية مفعَّل.
kiosks-add = تفعيل جهاز خدمة ذاتية
kiosks-add-submit = إنشاء المفتاح
label = الاسم
revoke = إبطال
# $what: الاسم
revoke-what = إبطال { $what }
revoked = تم الإبطال: لم يعد المفتاح صالحًا اعتبارًا من الآن.

## الإحصاءات (رؤساء المكاتب ومسؤولو النظام)

staff-statistics = الإحصاءات
# $office: اسم المكتب
stats-title = الإحصاءات – { $office }
stats-from = من
stats-to = إلى
stats-by = التجميع حسب
stats-by-day = اليوم
stats-by-week = الأسبوع
stats-by-month = الشهر
stats-counter = القسم
stats-all-counters = جميع الأقسام
stats-show = عرض
stats-csv = تنزيل بصيغة CSV
stats-summary = خلال الفترة كاملة
stats-made = الحجوزات
stats-appointments = المواعيد
stats-confirmed = المؤكَّدة
stats-cancelled = الملغاة
stats-cancelled-office = منها ألغاها المكتب
stats-expired = منتهية الصلاحية (لم تُؤكَّد)
stats-no-shows = لم يحضروا
stats-came = حضروا
stats-walk-ins = بدون موعد
stats-served = تمت خدمتهم
stats-waiting-median = مدة الانتظار (الوسيط)
stats-waiting-p90 = مدة الانتظار (90%)
stats-within-15 = تم النداء عليهم خلال 15 دقيقة بعد وقت الموعد
# $minutes: مدة الانتظار المستهدفة للمكتب
stats-over-target = انتظروا أكثر من { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}
stats-lead = المدة من الحجز حتى الموعد (الوسيط)
stats-utilisation = نسبة الإشغال
stats-periods = الأرقام حسب الفترة
stats-period = الفترة
stats-chart-appointments = المواعيد حسب الفترة
stats-chart-waiting = مدة الانتظار حسب الفترة (الوسيط، بالدقائق)
stats-handling = مدة المعالجة لكل خدمة ولكل شخص
stats-service = الخدمة
stats-cases = الحالات
stats-planned = المخطَّط
stats-suggested = المقترَح
# $n: أقل عدد من الحالات
stats-suggested-hint = يظهر اقتراح ابتداءً من { $n ->
    [zero] { $n } حالة
    [one] حالة واحدة
    [two] حالتين
    [few] { $n } حالات
    [many] { $n } حالة
   *[other] { $n } حالة
}: وهو الوسيط مقرَّبًا إلى الأعلى وفق الفواصل الزمنية للقسم. ولا يُطبَّق تلقائيًا أبدًا.
stats-ahead = الإشغال في الأسابيع القادمة
stats-week = الأسبوع
stats-booked = المحجوز (بالدقائق)
stats-bookable = المتاح للحجز (بالدقائق)
# $n: الدقائق
stats-minutes = { $n ->
    [zero] { $n } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $n } دقائق
    [many] { $n } دقيقة
   *[other] { $n } دقيقة
}
# $n: الأيام
stats-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
stats-mistakes = لا يمكن عرض الفترة بهذا الشكل
stats-range-too-long = الحد الأقصى { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} في المرة الواحدة.
stats-range-backwards = لا يجوز أن يقع تاريخ «إلى» قبل تاريخ «من».
# $field: اسم الحقل
stats-range-invalid = يرجى التحقق من الحقل «{ $field }».
stats-again = العودة إلى الإحصاءات
stats-percent = { $n }%
stats-p90 = 90%
stats-median = الوسيط

## إشغال الأسبوع (رؤساء المكاتب ومسؤولو النظام)

staff-week = الأسبوع
# $date: يوم الاثنين من هذا الأسبوع، $office: اسم المكتب
week-title = الأسبوع ابتداءً من { $date } – { $office }
week-earlier = الأسبوع السابق
week-later = الأسبوع التالي
week-day = الأسبوع الذي يقع فيه التاريخ
week-legend = في كل خلية: دقائق عمل الشبابيك المحجوزة / دقائق عمل الشبابيك المتاحة للحجز عبر الإنترنت في تلك الساعة؛ وتحتها بعد علامة «+» دقائق عمل الشبابيك المخصصة للأشخاص بدون موعد. كلما امتلأت الساعة أكثر، كانت خطوط التظليل فيها أكثف وأغمق.
week-hour = الساعة
week-closed = مغلق
# $minutes: طول الفترة الزمنية الواحدة، $max: الحد الأقصى لعدد الأشخاص في كل فترة
week-arrivals = عدد الأشخاص المتوقع وصولهم في كل { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} (الحد الأقصى: { $max ->
    [zero] { $max } شخص
    [one] شخص واحد
    [two] شخصان
    [few] { $max } أشخاص
    [many] { $max } شخصًا
   *[other] { $max } شخص
})
week-window = الفترة الزمنية
week-full = ممتلئ

## محرر الخطة (رؤساء المكاتب)
staff-plan = الخطة
plan-title = الخطة – { $office }
plan-lead = ساعات العمل والشبابيك والخدمات وقواعد الحجز في المكتب (النسخة { $revision }). تعرض المعاينة أثر التغيير قبل حفظه؛ ولا يتغير شيء حتى تحفظ.
plan-saving = حفظ التغيير
plan-effective-from = يسري اعتبارًا من
plan-effective-hint = فارغ: فورًا. إذا أدخلت تاريخًا، تبقى ساعات العمل الأسبوعية حتى اليوم السابق له كما هي؛ وبذلك يمكنك تحديد ساعات الشهر القادم من اليوم. أما الخدمات والقواعد والاستثناءات المؤرخة فتسري فورًا.
plan-note = ملاحظة لقائمة النسخ (السبب)
plan-preview = معاينة
plan-save = حفظ
plan-saved = تم حفظ التغيير بوصفه النسخة { $revision }. المواعيد المنقولة: { $moved }، المواعيد الملغاة: { $cancelled }.
plan-stale = غيّر شخص آخر الخطة منذ أن فتحت هذا النموذج (النسخة الحالية: { $revision }). لم يُحفظ شيء حتى لا يُكتب فوق ذلك التغيير: افتح الخطة من جديد وأعد إجراء تغييرك.
plan-in-use = هناك مواعيد قادمة تعتمد على ذلك: ما دامت موجودة، يحتفظ القسم بفواصله الزمنية، ويحتفظ المكتب بمنطقته الزمنية وفترات الوصول. لم يُحفظ شيء.
plan-conflicts-refused = { $n ->
    [one] بهذا التغيير سيبقى موعد واحد بلا شباك. لم يُحفظ شيء: قرّر أدناه هل يُنقل الموعد أو يُلغى، واكتب السبب لصاحب الموعد، ثم احفظ مرة أخرى.
    [two] بهذا التغيير سيبقى موعدان بلا شباك. لم يُحفظ شيء: قرّر أدناه لكل موعد (أو للجميع) هل يُنقل أو يُلغى، واكتب السبب لأصحاب المواعيد، ثم احفظ مرة أخرى.
    [few] بهذا التغيير سيبقى { $n } مواعيد بلا شباك. لم يُحفظ شيء: قرّر أدناه لكل موعد (أو للجميع) هل يُنقل أو يُلغى، واكتب السبب لأصحاب المواعيد، ثم احفظ مرة أخرى.
    [many] بهذا التغيير سيبقى { $n } موعدًا بلا شباك. لم يُحفظ شيء: قرّر أدناه لكل موعد (أو للجميع) هل يُنقل أو يُلغى، واكتب السبب لأصحاب المواعيد، ثم احفظ مرة أخرى.
   *[other] بهذا التغيير سيبقى { $n } موعد بلا شباك. لم يُحفظ شيء: قرّر أدناه لكل موعد (أو للجميع) هل يُنقل أو يُلغى، واكتب السبب لأصحاب المواعيد، ثم احفظ مرة أخرى.
}
plan-no-free-time = { $n ->
    [one] لم يعد هناك وقت متاح يمكن نقل موعد واحد إليه. لم يُحفظ شيء: ألغِ هذا الموعد، أو أضف إلى الخطة مزيدًا من الوقت المتاح.
    [two] لم يعد هناك وقت متاح يمكن نقل موعدين إليه. لم يُحفظ شيء: ألغِ هذين الموعدين، أو أضف إلى الخطة مزيدًا من الوقت المتاح.
    [few] لم يعد هناك وقت متاح يمكن نقل { $n } مواعيد إليه. لم يُحفظ شيء: ألغِ هذه المواعيد، أو أضف إلى الخطة مزيدًا من الوقت المتاح.
    [many] لم يعد هناك وقت متاح يمكن نقل { $n } موعدًا إليه. لم يُحفظ شيء: ألغِ هذه المواعيد، أو أضف إلى الخطة مزيدًا من الوقت المتاح.
   *[other] لم يعد هناك وقت متاح يمكن نقل { $n } موعد إليه. لم يُحفظ شيء: ألغِ هذه المواعيد، أو أضف إلى الخطة مزيدًا من الوقت المتاح.
}
plan-conflicts-title = { $n ->
    [one] موعد واحد بلا شباك
    [two] موعدان بلا شباك
    [few] { $n } مواعيد بلا شباك
    [many] { $n } موعدًا بلا شباك
   *[other] { $n } موعد بلا شباك
}
plan-conflicts-lead = تُنقل المواعيد إلى أقرب وقت متاح، في اليوم نفسه أولًا. يتلقى كل صاحب موعد رسالة بلغته فيها السبب الذي كتبته، وإذا نُقل موعده، فيها أيضًا الموعد الجديد لتقويمه.
plan-decide-all = لجميع المواعيد التي ليس لها قرار خاص بها
plan-decide-each = القرار لكل موعد على حدة
plan-decide-open = لم يُتخذ قرار
plan-decide-move = النقل إلى أقرب وقت متاح
plan-decide-cancel = الإلغاء
plan-conflict-when = الموعد
plan-conflict-counter = القسم
plan-conflict-services = الخدمات
plan-conflict-decision = القرار
plan-reason = السبب لأصحاب المواعيد (سطر واحد، يظهر في الرسالة التي تصلهم)
plan-no-conflicts = لا يبقى أي موعد بلا شباك.
plan-preview-title = معاينة: الأسبوع ابتداءً من { $date }
plan-preview-legend = لكل قسم وساعة: الشبابيك / منها المتاحة للحجز عبر الإنترنت. يظهر التغيير بصيغة قبل → بعد، والقيمة الجديدة بخط عريض.
plan-section-office = المكتب
plan-zone = المنطقة الزمنية { $zone }، والعطلات الرسمية في { $state } (لا يمكن تغييرهما إلا في ملف المكتب).
plan-office-name = الاسم
plan-address = العنوان
plan-email = عنوان الرد على الرسائل
plan-sender = عنوان مرسل الرسائل
plan-section-rules = قواعد الحجز
plan-notice = أقل مدة للحجز المسبق (بالدقائق قبل الموعد)
plan-horizon = أقصى مدة للحجز المسبق (بالأيام)
plan-release = يُتاح يوم جديد للحجز في الساعة (HH:MM، فارغ: منتصف الليل)
plan-confirm = التأكيد خلال (بالدقائق، 0: يُؤكَّد فورًا)
plan-per-email = عدد المواعيد النشطة لكل عنوان بريد إلكتروني
plan-hold = مدة الاحتفاظ بالوقت المختار (بالدقائق)
plan-reminder = التذكير قبل الموعد (بالساعات، 0: بلا تذكير)
plan-arrivals-per = فترة الوصول (بالدقائق)
plan-arrivals-max = عدد الأشخاص في كل فترة وصول
plan-section-queue = قائمة الانتظار
plan-early = تسجيل الحضور ابتداءً من (بالدقائق قبل الموعد)
plan-late = تسجيل الحضور حتى (بالدقائق بعد الموعد)
plan-recall = النداء مرة أخرى بعد (بالدقائق)
plan-max-calls = عدد النداءات قبل حالة «فاته الدور»
plan-desk-names = الشبابيك
plan-one-per-line = اسم واحد في كل سطر؛ فارغ: ترقيم تلقائي.
plan-section-days = أيام الإغلاق والعطلات الرسمية التي يُفتح فيها المكتب
plan-closed = مغلق في
plan-open = مفتوح في عطلة رسمية
plan-dates-hint = تاريخ واحد في كل سطر، YYYY-MM-DD.
plan-counter = القسم: { $name }
plan-name = الاسم
plan-grid = الفواصل الزمنية (بالدقائق)
plan-prefix = بادئة أرقام الانتظار
plan-hours = ساعات العمل الأسبوعية
plan-hours-hint = لكل فترة زمنية: الأيام، ومن وإلى (HH:MM، و24:00 لمنتصف الليل)، وعدد الشبابيك العاملة، وكم منها متاح للحجز عبر الإنترنت (والباقي يخدم الأشخاص بدون موعد). لإضافة فترة، املأ الفترة الفارغة.
plan-window = الفترة الزمنية
plan-days = الأيام
plan-from = من
plan-to = إلى
plan-desks = الشبابيك
plan-online = عبر الإنترنت
plan-since = يسري من
plan-until = يسري حتى
plan-remove = حذف
plan-exceptions = الاستثناءات المؤرخة
plan-exceptions-hint = شبابيك أقل أو أكثر في تاريخ معيّن، طوال اليوم أو من–إلى؛ وإدخال 0 شبابيك دون أوقات يغلق القسم في ذلك اليوم.
plan-exception = استثناء
plan-date = التاريخ
plan-services = الخدمات
plan-service = الخدمة
plan-new-service = خدمة جديدة
plan-service-id = المعرّف (حروف لاتينية وأرقام و- أو _؛ يظهر في العناوين)
plan-minutes = الدقائق لكل شخص
plan-max-persons = الحد الأقصى لعدد الأشخاص
plan-bring = ما يجب إحضاره
plan-new-counter = قسم جديد
plan-new-counter-hint = املأ هذا الجزء لإضافة قسم: معرّف واسم وفترة زمنية واحدة على الأقل وخدمة واحدة. إذا تُرك فارغًا فلن يتغير شيء.
plan-revisions-title = النسخ
plan-revision = النسخة
plan-revision-when = وقت الحفظ
plan-revision-who = بواسطة
plan-revision-bookings = المواعيد
plan-revision-moved = المنقولة: { $moved }، الملغاة: { $cancelled }
plan-compare = { $revision }: مقارنة
plan-compare-title = النسخة { $revision } – { $office }
plan-compare-lead = حفظها: { $who }. ملاحظة: { $note }
plan-compare-first = هذه هي النسخة الأولى: لا توجد نسخة قبلها للمقارنة.
plan-compare-legend = الأسطر التي تبدأ بـ + أضافتها هذه النسخة، والأسطر التي تبدأ بـ − حذفتها، بصيغة ملف المكتب.
plan-back = العودة إلى الخطة

## اشتراكات التقويم
staff-feeds = التقويمات وخطافات الويب
feeds-title = اشتراكات التقويم وخطافات الويب · { $office }
feeds-intro = يعطي اشتراك التقويم مواعيد شباك واحد لتقويم البلدية الذي يشترك في عنوانه السري. يستطيع كل من يعرف العنوان قراءته: أعطه للتقويم وحده، وألغه عندما لا تعود بحاجة إليه.
feeds-list = الاشتراكات المستخدمة
feeds-none = لا توجد اشتراكات تقويم بعد.
feeds-counter = الشباك
feeds-names = الأسماء
feeds-with-names = مع الأسماء ورموز الحجز
feeds-without-names = الخدمات وعدد الأشخاص فقط
feeds-made = أُنشئ
feeds-add = اشتراك تقويم جديد
feeds-names-choice = تضمين الأسماء ورموز الحجز
feeds-names-hint = فقط إذا كان الموظفون وحدهم يقرؤون التقويم. بدون ذلك تذكر الإدخالات الخدمات وعدد الأشخاص.
feeds-add-submit = إنشاء الاشتراك
feeds-made-title = عنوان الاشتراك الجديد
feeds-shown-once = يُعرض الآن فقط. انسخه إلى التقويم الذي يشترك فيه.
feeds-label-wrong = أعطِ الاشتراك اسمًا من 1 إلى 100 حرف.
feeds-gone = هذا الاشتراك أُلغي من قبل.
feed-summary = { $services } · { $persons ->
    [zero] لا أشخاص
    [one] شخص واحد
    [two] شخصان
    [few] { $persons } أشخاص
    [many] { $persons } شخصًا
   *[other] { $persons } شخص
}
feed-code = رمز الحجز { $code }

hooks-title = خطافات الويب
hooks-intro = يرسل خطاف الويب ما يحدث لحجوزات هذا المكتب (أُنشئ، نُقل، أُلغي، سُجّل الحضور، أُنجز، لم يحضر) إلى نظام إداري، بالترتيب وموقّعًا بمفتاح. لا تُرسل الأسماء ولا العناوين.
hooks-none = لا توجد خطافات ويب بعد.
hooks-list = خطافات الويب المستخدمة
hooks-url = العنوان (URL)
hooks-state = الحالة
hooks-ok = قيد التسليم
hooks-failing = { $attempts ->
    [zero] لا محاولات فاشلة
    [one] محاولة فاشلة واحدة
    [two] محاولتان فاشلتان
    [few] { $attempts } محاولات فاشلة
    [many] { $attempts } محاولة فاشلة
   *[other] { $attempts } محاولة فاشلة
}، ستُعاد المحاولة
hooks-add = خطاف ويب جديد
hooks-add-submit = إضافة خطاف الويب
hooks-made-title = مفتاح خطاف الويب الجديد
hooks-shown-once = يُعرض الآن فقط. يتحقق النظام المستقبِل به من توقيع كل طلب.
hooks-url-wrong = أدخل عنوانًا يبدأ بـ http:// أو https://.

stats-compare-title = مقارنة المكاتب
stats-compare-caption = كل المكاتب من { $from } إلى { $to }

stats-hints = تلميحات التخطيط
stats-hints-none = لا شيء في هذه الفترة يشير إلى الحاجة إلى مكاتب أكثر.
stats-hint-walk-ins = { $counter }: رُدّ { $count } من القادمين بلا موعد في { $days } يوم. مكاتب أكثر للقادمين بلا موعد ستساعد.
stats-hint-booked-out = { $counter }: محجوز بالكامل عبر الإنترنت في { $days } يوم. مكاتب أكثر عبر الإنترنت ستساعد.
stats-next-free = أقرب موعد متاح (شخص واحد) كما كان في كل يوم
stats-day = اليوم
stats-days-ahead = أيام مقدمًا
stats-none-free = لا يوجد متاح
