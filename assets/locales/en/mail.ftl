# The mails about an appointment. $when: its day and time.

mail-greeting-named = Dear { $name },
mail-greeting = Hello,
mail-please-confirm-subject = Please confirm your appointment: { $when }
mail-please-confirm-lead = please confirm your appointment by { $deadline }. Without confirmation it lapses and the time goes to others.
mail-confirmed-subject = Your appointment is confirmed: { $when }
mail-confirmed-lead = your appointment is confirmed. It is attached for your calendar.
mail-cancelled-subject = Your appointment has been cancelled: { $when }
mail-cancelled-lead = your appointment has been cancelled. The attachment removes it from your calendar.
mail-moved-subject = Your appointment has been moved: { $when }
mail-moved-lead = your appointment has been moved to the time below. The attachment replaces it in your calendar.
mail-reminder-subject = Reminder of your appointment: { $when }
mail-reminder-lead = this is a reminder of your appointment. If you cannot come, please cancel it, so that someone else gets the time.
mail-lapsed-subject = Your appointment has lapsed: { $when }
mail-lapsed-lead = your appointment was not confirmed in time and has lapsed; the time is free again. The attachment removes it from your calendar. If you still need the appointment, please book again.
mail-action-confirm = Confirm appointment
mail-manage = View, move or cancel your appointment
mail-footer = This message was sent automatically.
mail-calendar-summary = { $services } – { $office }
mail-code-hint = Show the booking code or the QR code at the front desk or the kiosk on the day of your appointment: that is how you check in.
mail-qr-alt = QR code of the booking code

## Mails of a booking the office moved or cancelled when it changed its plan
mail-office-moved-lead = the office has changed its opening hours or desks, and there is no desk free at your time any more. Your appointment has therefore been moved to the time below. The attachment replaces it in your calendar. If the new time does not suit you, you can move or cancel it with the link.
mail-office-cancelled-lead = the office has changed its opening hours or desks, and your appointment cannot take place. It has therefore been cancelled. The attachment removes it from your calendar. Please book a new appointment.
fact-office-reason = Reason
