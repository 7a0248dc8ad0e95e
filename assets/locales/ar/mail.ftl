# رسائل البريد الخاصة بالموعد. $when: يوم الموعد ووقته.

mail-greeting-named = مرحبًا { $name }،
mail-greeting = مرحبًا،
mail-please-confirm-subject = يرجى تأكيد موعدك: { $when }
mail-please-confirm-lead = يرجى تأكيد موعدك. آخر مهلة للتأكيد: { $deadline }. من دون تأكيد تنتهي صلاحية الموعد، ويصبح الوقت متاحًا من جديد.
mail-confirmed-subject = تم تأكيد موعدك: { $when }
mail-confirmed-lead = تم تأكيد موعدك. تجد في المرفق ملفًا لإضافة الموعد إلى تقويمك.
mail-cancelled-subject = تم إلغاء موعدك: { $when }
mail-cancelled-lead = تم إلغاء موعدك. الملف المرفق يحذف الموعد من تقويمك.
mail-moved-subject = تم تغيير موعدك: { $when }
mail-moved-lead = تم تغيير موعدك إلى الوقت المذكور أدناه. الملف المرفق يستبدل الموعد القديم في تقويمك بالموعد الجديد.
mail-reminder-subject = تذكير بموعدك: { $when }
mail-reminder-lead = نذكّرك بموعدك. إذا لم تتمكن من الحضور، فيرجى إلغاء الموعد، ليحصل شخص آخر على هذا الوقت.
mail-lapsed-subject = انتهت صلاحية موعدك: { $when }
mail-lapsed-lead = لم يتم تأكيد موعدك في الوقت المحدد، فانتهت صلاحيته، وأصبح الوقت متاحًا من جديد. الملف المرفق يحذف الموعد من تقويمك. إذا كنت لا تزال تحتاج إلى موعد، فيرجى الحجز من جديد.
mail-action-confirm = تأكيد الموعد
mail-manage = عرض الموعد أو تغييره أو إلغاؤه
mail-footer = أُرسلت هذه الرسالة تلقائيًا.
# اسم الموعد في التقويم.
mail-calendar-summary = { $services } – { $office }
mail-code-hint = في يوم موعدك اعرض رمز الحجز أو رمز QR عند الاستقبال أو في جهاز الخدمة الذاتية: هكذا تسجّل حضورك.
mail-qr-alt = رمز QR لرمز الحجز
