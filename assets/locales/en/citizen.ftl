# The citizens' pages: offices, services, days, times, the form, the booking.

skip-to-content = Skip to content
footer-legal = Legal
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-imprint = Imprint

language-switch = Language
footer-easy = Easy German (Leichte Sprache)

time-of-day = { $time }
date-time = { $date }, { $time }

home-title = Book an appointment
home-intro = Book your appointment online – no ticket, no queue. First choose the office.

title-with-mistakes = Error – { $title }

office-intro = Choose what you need to do. Several services of one area can be booked together.
office-services = Services
office-persons = Number of persons
office-next = Next: choose a day
service-minutes = ({ $n } min)
service-minutes-per-person = ({ $n } min per person)

persons-count = { $n } { $n ->
    [one] person
   *[other] persons
}
about-minutes = about { $n } min
wish-change = Change

days-title = Choose a day
days-intro = Days with free times are links.
days-none = Sadly nothing is free in this period. Please look again later – cancelled appointments become free again.
days-later = Later days
calendar-free = { $n } free
calendar-none = : no free times

day-title = Choose a time
day-none = No time is free on this day any more.
day-intro = Choose a time. We keep it for you for { $minutes } minutes while you enter your details.
day-other = Choose another day
quiet = quiet
quiet-legend = = few visitors are expected at this time, you wait less.

fact-when = When
fact-where = Where
fact-services = Services
fact-persons = Persons
fact-code = Booking code
bring-title = Please bring

form-title = Your details
held-until = We keep this time for you until { $time }.
form-name = First and last name
form-email = Email address
form-email-hint-confirm = We send the link to confirm the appointment there.
form-email-hint = We send the confirmation there.
form-phone = Phone (optional)
form-consent = I have read the { $privacy } and agree that my details are stored for this appointment.
form-consent-privacy = privacy notice
form-submit-confirm = Book appointment
form-submit = Book appointment
form-other-time = Choose another time

error-summary-title = Please check what you entered
field-error-prefix = Error:

done-pending-title = Please confirm by email
done-pending-text = We have sent an email to { $email }. Open the link in it and press "Confirm appointment" by { $deadline }, otherwise the time becomes free again.
done-confirmed-title = Your appointment is booked
done-confirmed-text = The confirmation with a calendar file is on its way to { $email }. With the link in it you can move or cancel the appointment.
done-print = You can print this page; menus and buttons are left out.

manage-title = Your appointment
manage-confirm-please = Please confirm the appointment with the button below, otherwise the time becomes free again.
manage-confirm = Confirm appointment
manage-move = Move appointment
manage-cancel = Cancel appointment
manage-calendar = Add to your calendar (.ics)
manage-print = You can print this page as a confirmation of the appointment.
manage-code-hint = With this code or the QR code you check in at the front desk or the kiosk on the day of your appointment. It does not open this page.

status-pending = Not yet confirmed
status-confirmed = Confirmed
status-cancelled = Cancelled
status-expired = Lapsed (not confirmed in time)
status-done = Done

move-title = Move appointment
move-now = Now:
move-stays = Your current appointment stays until the new one is secured.
move-back = Back to the appointment
move-day-none = No time is free on this day.
move-other-day = Choose another day

mistake-consent = Please confirm that you have read the privacy notice.
mistake-honeypot = The form could not be sent like this. Please check your details and send it again.
mistake-email-cap = This email address already has { $n } appointments to come at this office. Cancel one with the link in its email if you need a new one.
mistake-name-missing = Please give your name.
mistake-name-not-one-line = Must be one line without control characters.
mistake-name-characters = May contain letters, spaces, apostrophes, hyphens and dots, nothing else.
mistake-name-too-long = At most { $n } characters.
mistake-email-invalid = Must be an email address such as name@example.de.
mistake-email-local-not-ascii = The part before the @ may contain only Latin letters without accents, digits and . _ - +.
mistake-invisible = Contains invisible characters (such as zero-width spaces or direction marks); please type it again.
mistake-phone-invalid = Must be a phone number of digits, spaces and + - / ( ).
mistake-no-service = Choose at least one service.
mistake-several-counters = The services of one booking must be of one counter.
mistake-too-many-services = At most { $n } services per booking.
mistake-no-person = At least one person.
mistake-too-many-persons = At most { $n } persons for these services.
mistake-day-past = This day is in the past.
mistake-day-beyond-horizon = This day is beyond the booking horizon.
mistake-range-backwards = Must not be before from.
mistake-range-too-long = At most 62 days per request.
mistake-other = Please check this entry.

## An office's public figures

office-figures-link = How soon is there an appointment here? Figures of this office
figures-title = Figures – { $office }
figures-intro = How this office did over the last { $weeks } weeks. Figures from fewer than { $min } cases are not shown.
figures-next-free = Next free appointment
figures-service = Service
figures-none = No free appointment at the moment
figures-weeks = The last { $weeks } weeks
figures-lead = Time from booking to appointment (median)
figures-no-show = Share of appointments nobody came to
figures-on-time = Called within 15 minutes of their time
figures-too-few = too few cases
figures-percent = { $n } %
figures-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
figures-book = Book an appointment
