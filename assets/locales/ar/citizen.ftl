# صفحات المواطنين: المكاتب، الخدمات، الأيام، الأوقات، النموذج، الموعد.

skip-to-content = الانتقال إلى المحتوى
footer-legal = معلومات قانونية
footer-privacy = حماية البيانات
footer-accessibility = إمكانية الوصول
footer-imprint = بيانات الناشر

# لغات الصفحة، كل لغة باسمها في لغتها.
language-switch = اللغة
footer-easy = الألمانية المبسطة (Leichte Sprache)

# الوقت، والتاريخ مع الوقت. $time و $date مكتوبان مسبقًا بلغة الصفحة.
time-of-day = { $time }
date-time = { $date }، الساعة { $time }

home-title = حجز موعد
home-intro = احجز موعدك عبر الإنترنت، دون سحب رقم انتظار ودون الوقوف في الطابور. اختر المكتب أولًا.

# $title: عنوان الصفحة
title-with-mistakes = خطأ – { $title }

office-intro = اختر ما تريد إنجازه. يمكنك حجز عدة خدمات من القسم نفسه معًا.
office-services = الخدمات
office-persons = عدد الأشخاص
office-next = التالي: اختيار اليوم
# $n: عدد الدقائق
service-minutes = ({ $n ->
        [zero] { $n } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    })
service-minutes-per-person = ({ $n ->
        [zero] { $n } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    } لكل شخص)

persons-count = { $n ->
    [zero] لا أشخاص
    [one] شخص واحد
    [two] شخصان
    [few] { $n } أشخاص
    [many] { $n } شخصًا
   *[other] { $n } شخص
}
about-minutes = حوالي { $n ->
    [zero] { $n } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $n } دقائق
    [many] { $n } دقيقة
   *[other] { $n } دقيقة
}
wish-change = تغيير الاختيار

days-title = اختيار اليوم
days-intro = الأيام التي فيها أوقات متاحة هي روابط يمكنك الضغط عليها.
days-none = للأسف، لا توجد أوقات متاحة في هذه الفترة. يرجى المحاولة مرة أخرى لاحقًا، فالمواعيد الملغاة تصبح متاحة من جديد.
days-later = أيام لاحقة
calendar-free = متاح: { $n }
calendar-none = : لا توجد أوقات متاحة

day-title = اختيار الوقت
day-none = لم يعد هناك وقت متاح في هذا اليوم.
day-intro = اختر وقتًا. سنحتفظ لك بهذا الوقت لمدة { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} أثناء إدخال بياناتك.
day-other = اختيار يوم آخر
quiet = هادئ
quiet-legend = = يُتوقع عدد قليل من الزوار في هذا الوقت، فيكون انتظارك أقصر.

fact-when = التاريخ والوقت
fact-where = المكان
fact-services = الخدمات
fact-persons = عدد الأشخاص
fact-code = رمز الحجز
bring-title = يرجى إحضار

form-title = بياناتك
held-until = نحتفظ لك بهذا الوقت حتى الساعة { $time }.
form-name = الاسم الأول واسم العائلة
form-email = عنوان البريد الإلكتروني
form-email-hint-confirm = سنرسل إلى هذا العنوان رابطًا لتأكيد الموعد.
form-email-hint = سنرسل تأكيد الموعد إلى هذا العنوان.
form-phone = الهاتف (اختياري)
form-consent = قرأت { $privacy }، وأوافق على حفظ بياناتي من أجل هذا الموعد.
form-consent-privacy = بيان حماية البيانات
form-submit-confirm = حجز الموعد
form-submit = حجز الموعد نهائيًا
form-other-time = اختيار وقت آخر

error-summary-title = يرجى التحقق من بياناتك
field-error-prefix = خطأ:

done-pending-title = يرجى التأكيد عبر البريد الإلكتروني
done-pending-text = أرسلنا رسالة إلى { $email }. افتح الرابط الموجود فيها، واضغط على «تأكيد الموعد» قبل الساعة { $deadline }. إذا لم تفعل ذلك، يصبح الوقت متاحًا لغيرك.
done-confirmed-title = تم حجز موعدك
done-confirmed-text = أرسلنا التأكيد مع ملف للتقويم إلى { $email }. يمكنك من خلال الرابط الموجود في الرسالة تغيير الموعد أو إلغاؤه.
done-print = يمكنك طباعة هذه الصفحة، ولن تظهر القائمة والأزرار في النسخة المطبوعة.

manage-title = موعدك
manage-confirm-please = يرجى تأكيد الموعد بالزر الموجود أدناه، وإلا يصبح الوقت متاحًا لغيرك.
manage-confirm = تأكيد الموعد
manage-move = تغيير الموعد
manage-cancel = إلغاء الموعد
manage-calendar = إضافة إلى التقويم (ملف ics)
manage-print = يمكنك طباعة هذه الصفحة لتكون تأكيدًا للموعد.
manage-code-hint = بهذا الرمز أو برمز QR تسجّل حضورك في يوم موعدك عند الاستقبال أو في جهاز الخدمة الذاتية. لا يفتح هذا الرمز هذه الصفحة.

status-pending = لم يُؤكَّد بعد
status-confirmed = مؤكَّد
status-cancelled = ملغى
status-expired = انتهت صلاحيته (لم يُؤكَّد في الوقت المحدد)
status-done = مكتمل

move-title = تغيير الموعد
move-now = الموعد الحالي:
move-stays = يبقى موعدك الحالي قائمًا حتى يتم حجز الموعد الجديد.
move-back = العودة إلى الموعد
move-day-none = لا يوجد وقت متاح في هذا اليوم.
move-other-day = اختيار يوم آخر

mistake-consent = يرجى تأكيد أنك قرأت بيان حماية البيانات.
mistake-honeypot = تعذّر إرسال النموذج بهذا الشكل. يرجى التحقق من بياناتك وإرساله مرة أخرى.
mistake-email-cap = يوجد بالفعل لهذا البريد الإلكتروني في هذا المكتب { $n ->
    [zero] { $n } مواعيد قادمة
    [one] موعد واحد قادم
    [two] موعدان قادمان
    [few] { $n } مواعيد قادمة
    [many] { $n } موعدًا قادمًا
   *[other] { $n } موعد قادم
}. إذا كنت تحتاج إلى موعد جديد، فألغِ أحد هذه المواعيد عبر الرابط الموجود في رسالته.
mistake-name-missing = يرجى إدخال اسمك.
mistake-name-not-one-line = يرجى الكتابة في سطر واحد دون رموز تحكم.
mistake-name-characters = يرجى استخدام الحروف والمسافات والفواصل العليا (') والشَّرطات (-) والنقاط فقط.
mistake-name-too-long = يرجى عدم تجاوز { $n ->
    [zero] { $n } حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $n } أحرف
    [many] { $n } حرفًا
   *[other] { $n } حرف
}.
mistake-email-invalid = يرجى إدخال عنوان بريد إلكتروني، مثل name@example.de
mistake-email-local-not-ascii = قبل علامة @ يُسمح فقط بالحروف اللاتينية دون علامات (مثل é أو ü)، وبالأرقام، وبهذه الرموز: . _ - +
mistake-invisible = يحتوي هذا الحقل على رموز غير مرئية (مثل مسافات بلا عرض أو علامات اتجاه الكتابة). يرجى كتابته من جديد.
mistake-phone-invalid = في رقم الهاتف يُسمح فقط بالأرقام والمسافات وهذه الرموز: + - / ( )
mistake-no-service = يرجى اختيار خدمة واحدة على الأقل.
mistake-several-counters = يرجى اختيار خدمات من قسم واحد فقط.
mistake-too-many-services = يرجى اختيار { $n ->
    [zero] { $n } خدمة
    [one] خدمة واحدة
    [two] خدمتين
    [few] { $n } خدمات
    [many] { $n } خدمة
   *[other] { $n } خدمة
} على الأكثر في المرة الواحدة.
mistake-no-person = يرجى اختيار شخص واحد على الأقل.
mistake-too-many-persons = الحد الأقصى لهذه الخدمات هو { $n ->
    [zero] { $n } شخص
    [one] شخص واحد
    [two] شخصان
    [few] { $n } أشخاص
    [many] { $n } شخصًا
   *[other] { $n } شخص
}.
mistake-day-past = هذا اليوم قد مضى.
mistake-day-beyond-horizon = لا يمكن حاليًا الحجز لتاريخ بعيد إلى هذا الحد.
mistake-range-backwards = تاريخ النهاية يقع قبل تاريخ البداية.
mistake-range-too-long = هذه الفترة طويلة جدًا.
mistake-other = يرجى التحقق من هذه المعلومة.

## أرقام المكتب المتاحة للجميع

office-figures-link = متى يمكن الحصول على موعد هنا؟ أرقام هذا المكتب
# $office: اسم المكتب
figures-title = الأرقام – { $office }
# $weeks: عدد الأسابيع، $min: أقل عدد من الحالات
figures-intro = هكذا كان العمل في هذا المكتب خلال { $weeks ->
    [zero] آخر { $weeks } أسبوع
    [one] الأسبوع الأخير
    [two] الأسبوعين الأخيرين
    [few] آخر { $weeks } أسابيع
    [many] آخر { $weeks } أسبوعًا
   *[other] آخر { $weeks } أسبوع
}. لا نعرض الأرقام المبنية على أقل من { $min ->
    [zero] { $min } حالة
    [one] حالة واحدة
    [two] حالتين
    [few] { $min } حالات
    [many] { $min } حالة
   *[other] { $min } حالة
}.
figures-next-free = أقرب موعد متاح
figures-service = الخدمة
figures-none = لا يوجد موعد متاح حاليًا
figures-weeks = { $weeks ->
    [zero] آخر { $weeks } أسبوع
    [one] الأسبوع الأخير
    [two] الأسبوعان الأخيران
    [few] آخر { $weeks } أسابيع
    [many] آخر { $weeks } أسبوعًا
   *[other] آخر { $weeks } أسبوع
}
figures-lead = المدة من الحجز حتى الموعد (الوسيط)
figures-no-show = نسبة المواعيد التي لم يحضر إليها أحد
figures-on-time = تم النداء خلال 15 دقيقة بعد وقت الموعد
figures-too-few = الحالات قليلة جدًا
figures-percent = { $n }%
# $n: الأيام
figures-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
figures-book = حجز موعد
