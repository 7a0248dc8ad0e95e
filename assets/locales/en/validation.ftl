## Mistakes in a plan: in an office file (`termin import`), the plan API and the
## plan editor. Each follows the place it is found at ("office mitte, counter
## kfz, hours #2, desks: …"). Keys and examples in TOML stay as they are.

office-file-not-toml = not valid TOML: { $problem }
office-file-office-not-table = must be a table ([[office]])
office-file-offices-not-array = must be an array of tables ([[office]])
office-file-no-office = the file has no [[office]]
office-file-office-id-twice = the id is used twice in this file
office-file-unknown-key = unknown key (known here: { $known })
office-file-empty = must not be empty
office-file-not-one-line = must be one line of at most { $max } characters
office-file-not-string = must be a string
office-file-missing = is missing
office-file-not-text = must be a string or a table {"{"} de = "…", en = "…", uk, tr, ar {"}"}
office-file-bad-id = "{ $id }" must be lower-case letters, digits, - or _ (at most { $max }), as it appears in URLs
office-file-out-of-range = { $n } is not between { $min } and { $max }
office-file-not-whole-number = must be a whole number
office-file-time-not-string = must be a time as a string, "HH:MM"
office-file-not-time = "{ $time }" is not a time of day ("HH:MM", 00:00 to 23:59)
office-file-not-date = { $value } is not a date ("YYYY-MM-DD")
office-file-not-dates = must be a list of dates
office-file-not-table = must be a table
office-file-not-tables = must be an array of tables ([[…{ $key }]])
office-file-bad-timezone = "{ $tz }" is not an IANA time-zone name such as "Europe/Berlin"
office-file-bad-state = "{ $code }" is not a German state code ({ $codes })
office-file-not-day-divisor = { $n } does not divide a day evenly
office-file-arrivals-not-table = must be a table {"{"} per_minutes = 15, max = 12 {"}"}
office-file-bad-email = "{ $email }" is not an email address
office-file-no-counter = has no [[office.counter]]
office-file-prefix-twice = the ticket prefix "{ $prefix }" is another counter's too: set ticket_prefix, so that the waiting room can tell their tickets apart
office-file-counter-id-twice = the counter id is used twice in this office
office-file-service-id-twice = the service id is used twice in this office
office-file-queue-not-table = must be a table ([office.queue])
office-file-named-twice = { $name } is named twice
office-file-bad-desk-name = { $value } is not a desk's name (one line, 1 to { $max } characters)
office-file-not-desk-list = must be a list of desk names, e.g. ["1", "2", "Raum 1.12"]
office-file-bad-prefix = "{ $prefix }" must be 1 to 3 upper-case letters or digits
office-file-not-hour-divisor = { $n } does not divide an hour evenly
office-file-no-service = has no [[office.counter.service]]
office-file-online-above-desks = { $online } online desks, but only { $desks ->
        [one] { $desks } desk
       *[other] { $desks } desks
    }
office-file-window-backwards = the window ends before it starts
office-file-off-grid = is not on the counter's { $grid }-minute grid
office-file-until-before-since = is before since
office-file-overlap = overlaps { $other } on { $day }
office-file-exception-half = give both from and to, or neither for the whole day
office-file-exception-backwards = the exception ends before it starts
office-file-exception-off-grid = from and to must be on the counter's grid
office-file-not-weekdays = must be a list of weekdays, e.g. ["mon", "tue"]
office-file-no-day = names no day
office-file-not-weekday = { $value } is not a weekday (mon, tue, wed, thu, fri, sat, sun)
office-file-minutes-off-grid = { $minutes } is not a multiple of the counter's { $grid }-minute grid

## Mistakes only a change of a plan can make.

plan-keeps-id = an office keeps its id ("{ $id }")
plan-effective-past = is in the past: a change applies from today or later
plan-reason-bad = { $reason }: say in one line of 1 to { $max } characters why, for the mail to the citizen
plan-note-too-long = is one line of at most { $max } characters
