# The staff's pages, the kiosk at the entrance, the waiting-room display and
# a ticket's page on its holder's phone.

## Signing in and the start page

login-title = Staff sign-in
login-email = Email address
login-password = Password
login-submit = Sign in
login-failed = Signing in did not work
login-refused = The email address or the password is not right.
# $seconds: seconds until the next try
login-slow = Too many failed tries. Please try again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
}.
login-needed = Please sign in. A session ends after { $minutes } minutes without use.
logged-out = You are signed out.

staff-nav = Staff
staff-home = Overview
staff-today = Day board
staff-desk = Desk
staff-checkin = Front desk
staff-display = Display
staff-audit = Audit log
staff-users = Users
# $who: the signed-in person's email address
staff-logout = Sign out ({ $who })
staff-index-title = Your offices

forbidden-title = No access
forbidden-text = This page is not open to your role or your office.

password-title = Change password
password-current = Current password
password-new = New password
password-new-hint = At least 12 characters. Your other sessions then end.
password-submit = Change password
password-changed = The password is changed. Your other sessions have ended.
password-wrong = The current password is not right.
password-weak = The new password needs at least 12 characters.

## Tickets

ticket-waiting = waiting
ticket-called = called
ticket-serving = being served
ticket-done = done
ticket-no-show = did not come
ticket-missed = missed
ticket-back = waiting again
ticket-transferred = transferred
ticket-parked = parked
status-checked-in = checked in

# $lo, $hi: minutes
wait-range = about { $lo }–{ $hi } min
ticket-your-number = Your ticket number
ticket-late = You came after your appointment time. We will call you as soon as a desk is free.
ticket-urgent = Urgent: called first.
# $wait: the expected wait, e.g. "about 10–20 min"
ticket-wait = Expected wait: { $wait }
ticket-watch = Watch the screen in the waiting room: your number appears there with the desk.
ticket-qr = QR code: follow your ticket on your own phone
ticket-follow = Follow the ticket on your phone

## Front desk and kiosk

checkin-code = Booking code
checkin-code-hint = It is in your confirmation email, 9 characters, e.g. 7K3M-9QXD-4. Or hold the QR code to the scanner.
checkin-urgent = Urgent (called first)
checkin-submit = Check in and get a ticket
# $office: the office's name
checkin-title = Front desk – { $office }
walkin-title = Without an appointment
walkin-intro = Tickets without an appointment are given while the desks for people without one are free today.
walkin-services = Services
walkin-submit = Take a ticket
# $counter: the counter, $when: day and time
walkin-full = { $counter } has no places left today for people without an appointment. The next free appointment: { $when }.
walkin-full-none = { $counter } has no places left today for people without an appointment. Please book an appointment online.
kiosk-title = Check-in – { $office }
kiosk-intro = Do you have an appointment? Type your booking code or hold the QR code from the email to the scanner.
kiosk-next = Done – next person
kiosk-locked = This device is not unlocked as a kiosk yet. An administrator types the key here once that “termin kiosk add” printed.
kiosk-token = Kiosk key
kiosk-unlock = Unlock as a kiosk
kiosk-unlock-wrong = This key belongs to no kiosk of this office.
kiosk-unlock-here = Unlock this device as a kiosk
kiosk-unlock-label = Name of the device (e.g. “entrance left”)

code-length = A booking code has 9 characters.
code-character = A booking code has only letters and digits.
code-check = The booking code is mistyped. Please check it again.
checkin-unknown = There is no appointment here with this booking code.
# $status: the booking's status in words
checkin-closed = This appointment is { $status } and cannot be checked in.
checkin-not-confirmed = This appointment is not confirmed yet. Please confirm it by the link in the email, or ask at the front desk.
# $number: the ticket number
checkin-already = This appointment is checked in already (ticket { $number }).
# $date: the appointment's day
checkin-not-today = This appointment is on { $date }, not today.
# $time: from when
checkin-too-early = Check-in opens at { $time }.

## The desk

desk-title-choose = Choose a desk
desk-which = Desk
desk-counters = Counters you serve
desk-start = Start
# $desk: the desk's name
desk-title = Desk { $desk }
# $number: the ticket number
desk-current = Ticket { $number }
desk-state = State
# $n: how many calls
desk-calls = (call { $n })
desk-name = Name
desk-appointment = Appointment
desk-arrived = Arrived – start
desk-recall = Call again
# $seconds: seconds
desk-recall-in = Calling again is possible in { $seconds } s.
desk-no-show = Did not come
desk-resume = Resume
desk-back = Back to the queue
desk-done = Done
desk-handled = Services actually handled
desk-park = Park
desk-parked = Parked at this desk
desk-transfer = Transfer
desk-transfer-to = To the counter
desk-call-next = Call next
desk-waiting = Waiting
# $n: how many
desk-waiting-count = { $n }
desk-change = Change desk or counters
desk-nobody = Nobody waits at your counters.
desk-unknown = The office has no such desk.
# $number: ticket, $state: its state in words
desk-busy = Ticket { $number } is still at this desk ({ $state }). Please finish it first.
desk-unknown-ticket = There is no such ticket here today.
desk-not-allowed = { $number } is { $state }: that is not possible now.
desk-stale = { $number } changed in the meantime (now: { $state }). The page shows where it stands now.
# $desk: the desk it is called to
desk-wrong-desk = { $number } is called to desk { $desk }, not to this one.
desk-recall-too-soon = { $number } can be called again in { $seconds } s.
desk-urgent-already = { $number } is urgent already.
desk-invalid = Please check: { $detail }

# $desk: desk, $minutes: for how many minutes
alert-from = Emergency at desk { $desk } (for { $minutes } min)
alert-coming = I am coming
alert-raise = Emergency alert to every desk
alert-gone = This alert was answered already.

## The day board

# $office: the office's name
today-title = Today – { $office }
today-none = Nothing yet today.
today-ticket = Ticket
today-arrived = Arrived
today-waited = Waited
today-desk = Desk
today-walk-in = without appointment
today-urgent = urgent
# $n: persons
today-persons = { $n } pers.
# $n: minutes
today-minutes = { $n } min

## The waiting-room display

# $office: the office's name
display-title = Calls – { $office }
display-calls = Called
display-none = Nobody called yet.
display-to = to
# $desk: the desk
display-desk = Desk { $desk }
display-before = Before
display-waiting = Waiting
display-sound = Turn sound on

follow-title = Your ticket
# $desk: the desk
follow-called = You are called: please go to desk { $desk }.
follow-over = This ticket is closed.
# $n: how many wait before you
follow-position = { $n ->
    [0] You are next.
    [one] One person is before you.
   *[other] { $n } people are before you.
}
follow-reload = This page updates by itself.
follow-refresh = Refresh now

## Audit log

audit-title = Audit log
audit-office = Office
audit-every-office = every office
audit-from = From
audit-to = To
audit-show = Show
audit-none = There are no entries in this period.
# $n: how many entries
audit-count = { $n } { $n ->
    [one] entry
   *[other] entries
}, newest first
audit-when = When
audit-who = Who
audit-what = What
audit-ticket = Ticket
audit-detail = Details

## Users, API keys, kiosks

users-title = Users and access
users-list = Users
users-role = Role
users-state = State
users-actions = Actions
users-active = active
users-disabled = disabled
users-reset = New password
# $who: the email address
users-reset-who = New password for { $who }
users-disable = Disable
users-disable-who = Disable { $who }
users-add = Add a user
users-office-hint = Clerks and heads belong to one office; admins to every office.
users-password-hint = The password is generated and shown once.
users-add-submit = Add
# $who: the email address
shown-password = Password for { $who }
shown-key = API key “{ $what }”
shown-kiosk = Kiosk key “{ $what }”
shown-once = Visible now only: please pass it on safely. Only a hash of it is stored.
user-disabled = { $who } is disabled; their sessions have ended.
user-role = There is no such role.
user-email = This is not an email address.
user-office = There is no such office.
user-office-missing = Clerks and heads belong to an office: please choose one.
user-exists = This email address has an account already.
user-unknown = There is no account with this email address.
user-label = A name is one line of 1 to 100 characters.
user-forbidden = Only an admin may do this, or a head for the clerks of their office.
keys-title = API keys
keys-none = No API keys yet.
keys-add = Add an API key
keys-add-submit = Make the key
kiosks-title = Kiosks
kiosks-intro = A kiosk is a device at the entrance where people check themselves in. Open /kiosk/ and the office on the device and type the key there.
kiosks-none = No kiosk is unlocked.
kiosks-add = Unlock a kiosk
kiosks-add-submit = Make the key
label = Name
revoke = Revoke
# $what: the name
revoke-what = Revoke { $what }
revoked = Revoked: the key no longer works.

## Statistics (heads of an office, admins)

staff-statistics = Statistics
stats-title = Statistics – { $office }
stats-from = From
stats-to = To
stats-by = Per
stats-by-day = day
stats-by-week = week
stats-by-month = month
stats-counter = Counter
stats-all-counters = all counters
stats-show = Show
stats-csv = Download as CSV
stats-summary = Over the whole range
stats-made = Booked
stats-appointments = Appointments
stats-confirmed = Confirmed
stats-cancelled = Cancelled
stats-cancelled-office = of these by the office
stats-expired = Lapsed (not confirmed)
stats-no-shows = Did not come
stats-came = Came
stats-walk-ins = Without appointment
stats-served = Served
stats-waiting-median = Waiting (median)
stats-waiting-p90 = Waiting (90 %)
stats-within-15 = Called within 15 minutes of their time
stats-over-target = Waited longer than { $minutes } minutes
stats-lead = Time from booking to appointment (median)
stats-utilisation = Utilisation
stats-periods = The figures per period
stats-period = Period
stats-chart-appointments = Appointments per period
stats-chart-waiting = Waiting per period (median, minutes)
stats-handling = Handling time per service and person
stats-service = Service
stats-cases = Cases
stats-planned = Planned
stats-suggested = Suggestion
stats-suggested-hint = A suggestion appears from { $n } cases on: the median, rounded up to the counter's grid. It is never applied on its own.
stats-ahead = Utilisation of the weeks ahead
stats-week = Week
stats-booked = Booked (minutes)
stats-bookable = Bookable (minutes)
stats-minutes = { $n } min
stats-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
stats-mistakes = The range cannot be shown like this
stats-range-too-long = At most { $days } days at once.
stats-range-backwards = "To" must not be before "From".
stats-range-invalid = Please check the field "{ $field }".
stats-again = Back to the statistics
stats-percent = { $n } %
stats-p90 = 90 %
stats-median = Median

## A week's load (heads of an office, admins)

staff-week = Week
week-title = Week from { $date } – { $office }
week-earlier = Week before
week-later = Week after
week-day = The week with the day
week-legend = In each cell: desk-minutes booked / desk-minutes bookable online in that hour; below, after "+", the desk-minutes kept for people without an appointment. The fuller an hour, the denser and darker its hatching.
week-hour = Hour
week-closed = closed
week-arrivals = Expected arrivals per { $minutes } minutes (at most { $max } persons)
week-window = Window
week-full = full

## The plan editor (heads)
staff-plan = Plan
plan-title = Plan – { $office }
plan-lead = Opening hours, desks, services and booking rules of the office (revision { $revision }). Preview shows what a change does before it is saved; nothing changes until you save.
plan-saving = Save the change
plan-effective-from = Applies from
plan-effective-hint = Empty: at once. With a date, the weekly hours until the day before stay as they are, so next month's hours can be set today. Services, rules and dated exceptions apply at once.
plan-note = Note for the revision list (why)
plan-preview = Preview
plan-save = Save
plan-saved = Saved as revision { $revision }: { $moved } bookings moved, { $cancelled } cancelled.
plan-stale = Someone else changed the plan since you opened this form (revision { $revision } is current). Nothing was saved, so as not to overwrite that change: open the plan again and redo yours.
plan-in-use = Bookings to come rely on this: while they exist, a counter keeps its grid, and the office its time zone and arrival windows. Nothing was saved.
plan-conflicts-refused = { $n ->
    [one] One booking would lose its desk. Nothing was saved: decide below whether to move or cancel it, give the reason for the citizen, and save again.
   *[other] { $n } bookings would lose their desk. Nothing was saved: decide below for each (or all) whether to move or cancel them, give the reason for the citizens, and save again.
}
plan-no-free-time = { $n ->
    [one] There is no free time left to move one booking to. Nothing was saved: cancel it, or give the plan more room.
   *[other] There is no free time left to move { $n } bookings to. Nothing was saved: cancel them, or give the plan more room.
}
plan-conflicts-title = { $n ->
    [one] One booking loses its desk
   *[other] { $n } bookings lose their desk
}
plan-conflicts-lead = Moved bookings go to the nearest free time, on the same day first. Each citizen gets a mail in their language with your reason and, when moved, the new calendar entry.
plan-decide-all = For all without a decision of their own
plan-decide-each = decide for each
plan-decide-open = not decided
plan-decide-move = move to the nearest free time
plan-decide-cancel = cancel
plan-conflict-when = Appointment
plan-conflict-counter = Counter
plan-conflict-services = Services
plan-conflict-decision = Decision
plan-reason = Reason for the citizens (one line, it goes into their mail)
plan-no-conflicts = No booking loses its desk.
plan-preview-title = Preview: the week from { $date }
plan-preview-legend = Per counter and hour: desks / of them bookable online. A change is shown as before → after, the new value in bold.
plan-section-office = Office
plan-zone = Time zone { $zone }, holidays of { $state } (changed in the office file only).
plan-office-name = Name
plan-address = Address
plan-email = Reply-to address of the mails
plan-sender = Sender address of the mails
plan-section-rules = Booking rules
plan-notice = Notice (minutes before the appointment)
plan-horizon = Bookable ahead (days)
plan-release = New day opens at (HH:MM, empty: midnight)
plan-confirm = Confirm within (minutes, 0: at once)
plan-per-email = Active bookings per email address
plan-hold = Hold a chosen time (minutes)
plan-reminder = Reminder before (hours, 0: none)
plan-arrivals-per = Arrival window (minutes)
plan-arrivals-max = Persons per arrival window
plan-section-queue = Queue
plan-early = Check-in from (minutes before)
plan-late = Check-in until (minutes after)
plan-recall = Call again after (minutes)
plan-max-calls = Calls before missed
plan-desk-names = Desks
plan-one-per-line = One name per line; empty: numbered.
plan-section-days = Closures and opened holidays
plan-closed = Closed on
plan-open = Open on a public holiday
plan-dates-hint = One date per line, YYYY-MM-DD.
plan-counter = Counter: { $name }
plan-name = Name
plan-grid = Grid (minutes)
plan-prefix = Ticket prefix
plan-hours = Weekly hours
plan-hours-hint = Each window: days, from and to (HH:MM, 24:00 for midnight), desks staffed and how many of them are bookable online (the others take walk-ins). Fill in the empty window to add one.
plan-window = Window
plan-days = Days
plan-from = From
plan-to = To
plan-desks = Desks
plan-online = Online
plan-since = In force from
plan-until = In force until
plan-remove = Remove
plan-exceptions = Dated exceptions
plan-exceptions-hint = Fewer or more desks on a date, for the whole day or from–to; 0 desks without times closes the counter that day.
plan-exception = Exception
plan-date = Date
plan-services = Services
plan-service = Service
plan-new-service = New service
plan-service-id = Id (letters, digits, - or _; it appears in addresses)
plan-minutes = Minutes per person
plan-max-persons = Persons at most
plan-bring = What to bring
plan-new-counter = New counter
plan-new-counter-hint = Fill in this part to add a counter: an id, a name, at least one window and one service. Left empty, it changes nothing.
plan-revisions-title = Revisions
plan-revision = Revision
plan-revision-when = Saved
plan-revision-who = By
plan-revision-bookings = Bookings
plan-revision-moved = { $moved } moved, { $cancelled } cancelled
plan-compare = { $revision }: compare
plan-compare-title = Revision { $revision } – { $office }
plan-compare-lead = Saved by { $who }. Note: { $note }
plan-compare-first = The first revision: nothing before it to compare with.
plan-compare-legend = Lines with + were added by this revision, lines with − removed, in the office file's words.
plan-back = Back to the plan

## Calendar feeds
staff-feeds = Feeds and webhooks
feeds-title = Calendar feeds and webhooks · { $office }
feeds-intro = A calendar feed gives a counter's appointments to the city's groupware calendar, which subscribes to its secret address. Anyone with the address can read the feed: give it only to the calendar, and revoke it when it is no longer needed.
feeds-list = Feeds in use
feeds-none = No calendar feeds yet.
feeds-counter = Counter
feeds-names = Names
feeds-with-names = with names and booking codes
feeds-without-names = services and persons only
feeds-made = Created
feeds-add = New calendar feed
feeds-names-choice = Include names and booking codes
feeds-names-hint = Only if the calendar is read by staff alone. Without this, the entries say the services and the number of persons.
feeds-add-submit = Create feed
feeds-made-title = The new feed's address
feeds-shown-once = It is shown only now. Copy it into the calendar that subscribes to it.
feeds-label-wrong = Give the feed a label of 1 to 100 characters.
feeds-gone = This feed was revoked already.
feed-summary = { $services } · { $persons ->
    [one] 1 person
   *[other] { $persons } persons
}
feed-code = Booking code { $code }

hooks-title = Webhooks
hooks-intro = A webhook sends what happens to this office's bookings (created, moved, cancelled, checked in, done, not come) to a back-office system, in order and signed with a key. No names or addresses are sent.
hooks-none = No webhooks yet.
hooks-list = Webhooks in use
hooks-url = Address (URL)
hooks-state = State
hooks-ok = delivering
hooks-failing = { $attempts ->
    [one] 1 failed attempt
   *[other] { $attempts } failed attempts
}, will retry
hooks-add = New webhook
hooks-add-submit = Add webhook
hooks-made-title = The new webhook's key
hooks-shown-once = It is shown only now. The receiving system checks each request's signature with it.
hooks-url-wrong = Give an address that begins with http:// or https://.

stats-compare-title = Offices compared
stats-compare-caption = Every office from { $from } to { $to }

stats-hints = Planning hints
stats-hints-none = Nothing in this range suggests more desks.
stats-hint-walk-ins = { $counter }: { $count ->
    [one] 1 walk-in was
   *[other] { $count } walk-ins were
} turned away on { $days ->
    [one] 1 day
   *[other] { $days } days
}. More desks kept for walk-ins would help.
stats-hint-booked-out = { $counter }: booked out online on { $days ->
    [one] 1 day
   *[other] { $days } days
}. More desks online would help.
stats-next-free = Next free appointment (one person), as it stood each day
stats-day = Day
stats-days-ahead = Days ahead
stats-none-free = none free
