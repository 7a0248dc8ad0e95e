# What went otherwise than asked: one page for all of it, with a way on.

to-start = To the start page
to-calendar = To the calendar
start-again = Start again

status-404-title = Page not found
status-404-text = There is no such page.
status-405-title = Not possible here
status-405-text = This page cannot be used like this. Please use the links and buttons on the pages.
status-413-title = Too much sent
status-413-text = The form was too large. Please shorten what you entered and send it again.
status-415-title = Form not readable
status-415-text = The form came in a shape we cannot read. Please send it again from our page.
status-408-title = Timed out
status-408-text = The request took too long. Please try again.
status-400-title = Request not understood
status-400-text = We could not understand this request. Please use the links and buttons on the pages.

no-hold-title = No time held
no-hold-text = No time is held for this browser. The hold may have run out, or cookies are switched off – without them we cannot keep the time for you.

taken-title = This time is no longer free
taken-text = Somebody else has just booked this time.
arrivals-full-text = As many people as the waiting room holds already arrive at this time.
move-taken-text = This time is no longer free. Your current appointment stays as it was.
ran-out-title = The hold has run out
ran-out-text = We kept the time for { $minutes } minutes; that time is up. Please choose again.
nearest-none = Nothing near that time is free any more.
nearest-free = These times nearby are still free:

hold-cap-title = Enough times held already
hold-cap-text = From your internet connection, times are held right now that together take { $minutes } minutes of desk time or more; no more can be held at once. Book one of them, or try again in { $hold_minutes } minutes.
hold-cap-today-text = From your internet connection, as much of this day is held already as one connection may hold. Book one of the times held, or choose another day.
too-long-title = Too long to be held
too-long-text = The services chosen need more desk time on this day than we can hold for you at once. Please book for fewer persons or services at a time (for example two appointments one after the other), or call us.
wait-title = Please wait a moment
slowed-text = Several times held from your internet connection were not booked. So that times are not blocked, you can hold a time again in { $minutes } minute(s).
day-share-title = This day is much in demand just now
day-share-text = Many people are choosing a time on this day just now. Please choose another day, or try again in a few minutes.
time-not-bookable-title = This time cannot be booked
time-not-bookable-text = The chosen time is too soon, in the past or outside the opening hours.
days-not-bookable-title = These days cannot be booked
not-a-date-title = Not a valid date

booking-not-found-title = Appointment not found
booking-not-found-text = No appointment belongs to this link. Please check that it was copied in full.
booking-lapsed-title = Appointment lapsed
booking-lapsed-text = The appointment was not confirmed in time and has lapsed. Please book again.
not-changeable-title = Can no longer be changed
not-changeable-text = This appointment can no longer be changed: it has begun, is over or was cancelled.
booking-failed-text = This could not be done. Please try again later.
moved-too-often-title = Cannot be moved again
moved-too-often-text = This appointment has been moved { $n } times, as often as an appointment can be moved. If you need another time, cancel it and book again.
move-day-not-bookable-title = This day cannot be booked

unavailable-title = Not available just now
unavailable-text = Appointment booking cannot be reached just now. Please try again shortly.
unavailable-booked = If you were just booking: a booking that went through is confirmed to you by email.
failed-title = That did not work
failed-text = This could not be done just now. Please try again later.
failed-reference = Reference for enquiries:
form-expired-title = Form expired
form-expired-text = The form was out of date or came from another site; nothing was changed. Please reload the page and try again. Cookies must be allowed for this site.
rate-limited-text = Very many requests came from your internet address in a short time. So that appointments are shared fairly and not grabbed by programs, please try again in { $minutes } minute(s).
not-text-title = Form not readable
not-text-text = The form or link held characters we cannot read; nothing was stored. Please enter your details again on our page.
