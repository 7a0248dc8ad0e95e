# Die Seiten der Mitarbeiterinnen und Mitarbeiter, der Kiosk am Eingang, die Anzeige im Wartebereich
# und die Seite einer Wartenummer auf dem Telefon ihrer Inhaberin.

## Anmelden und die Startseite

login-title = Anmelden für Mitarbeitende
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-failed = Anmelden hat nicht geklappt
login-refused = E-Mail-Adresse oder Passwort stimmen nicht.
# $seconds: Sekunden bis zum nächsten Versuch
login-slow = Zu viele Fehlversuche. Bitte versuchen Sie es in { $seconds } { $seconds ->
    [one] Sekunde
   *[other] Sekunden
} wieder.
login-needed = Bitte melden Sie sich an. Nach { $minutes } Minuten ohne Nutzung endet eine Anmeldung.
logged-out = Sie sind abgemeldet.

staff-nav = Mitarbeitende
staff-home = Übersicht
staff-today = Tagesübersicht
staff-desk = Platz
staff-checkin = Empfang
staff-display = Anzeige
staff-audit = Protokoll
staff-users = Benutzer
# $who: die E-Mail-Adresse der angemeldeten Person
staff-logout = Abmelden ({ $who })
staff-index-title = Ihre Standorte

forbidden-title = Kein Zugriff
forbidden-text = Diese Seite ist für Ihre Rolle oder Ihren Standort nicht freigegeben.

password-title = Passwort ändern
password-current = Jetziges Passwort
password-new = Neues Passwort
password-new-hint = Mindestens 12 Zeichen. Ihre anderen Anmeldungen enden dann.
password-submit = Passwort ändern
password-changed = Das Passwort ist geändert. Ihre anderen Anmeldungen sind beendet.
password-wrong = Das jetzige Passwort stimmt nicht.
password-weak = Das neue Passwort braucht mindestens 12 Zeichen.

## Wartenummern

ticket-waiting = wartet
ticket-called = aufgerufen
ticket-serving = in Bearbeitung
ticket-done = erledigt
ticket-no-show = nicht erschienen
ticket-missed = verpasst
ticket-back = wartet wieder
ticket-transferred = weitergeleitet
ticket-parked = zurückgestellt
status-checked-in = angemeldet vor Ort

# $lo, $hi: Minuten
wait-range = ca. { $lo }–{ $hi } min
ticket-your-number = Ihre Wartenummer
ticket-late = Sie sind nach Ihrer Terminzeit gekommen. Wir rufen Sie auf, sobald ein Platz frei ist.
ticket-urgent = Dringend: wird zuerst aufgerufen.
# $wait: die erwartete Wartezeit, z. B. „ca. 10–20 min“
ticket-wait = Erwartete Wartezeit: { $wait }
ticket-watch = Achten Sie auf die Anzeige im Wartebereich: Dort erscheint Ihre Nummer mit dem Platz.
ticket-qr = QR-Code: Ihre Wartenummer auf dem eigenen Telefon verfolgen
ticket-follow = Wartenummer auf dem Telefon verfolgen

## Empfang und Kiosk

checkin-code = Vorgangsnummer
checkin-code-hint = Sie steht in Ihrer Bestätigungs-E-Mail, 9 Zeichen, z. B. 7K3M-9QXD-4. Oder halten Sie den QR-Code an den Scanner.
checkin-urgent = Dringend (wird zuerst aufgerufen)
checkin-submit = Anmelden und Wartenummer erhalten
# $office: der Name des Standorts
checkin-title = Empfang – { $office }
walkin-title = Ohne Termin
walkin-intro = Wartenummern ohne Termin gibt es, solange die Plätze für Menschen ohne Termin heute frei sind.
walkin-services = Anliegen
walkin-submit = Wartenummer ziehen
# $counter: der Bereich, $when: Tag und Uhrzeit
walkin-full = { $counter } hat heute keine freien Plätze ohne Termin mehr. Der nächste freie Termin: { $when }.
walkin-full-none = { $counter } hat heute keine freien Plätze ohne Termin mehr. Bitte buchen Sie online einen Termin.
kiosk-title = Anmeldung – { $office }
kiosk-intro = Haben Sie einen Termin? Geben Sie Ihre Vorgangsnummer ein oder halten Sie den QR-Code aus der E-Mail an den Scanner.
kiosk-next = Fertig – nächste Person
kiosk-locked = Dieses Gerät ist noch nicht als Kiosk freigeschaltet. Eine Administratorin oder ein Administrator gibt hier einmal den Schlüssel ein, den „termin kiosk add“ ausgegeben hat.
kiosk-token = Kiosk-Schlüssel
kiosk-unlock = Als Kiosk freischalten
kiosk-unlock-wrong = Dieser Schlüssel gehört zu keinem Kiosk dieses Standorts.
kiosk-unlock-here = Dieses Gerät als Kiosk freischalten
kiosk-unlock-label = Name des Geräts (z. B. „Eingang links“)

code-length = Eine Vorgangsnummer hat 9 Zeichen.
code-character = Eine Vorgangsnummer hat nur Buchstaben und Ziffern.
code-check = Die Vorgangsnummer ist vertippt. Bitte prüfen Sie sie noch einmal.
checkin-unknown = Zu dieser Vorgangsnummer gibt es hier keinen Termin.
# $status: der Stand des Termins in Worten
checkin-closed = Dieser Termin ist { $status } und kann nicht angemeldet werden.
checkin-not-confirmed = Dieser Termin ist noch nicht bestätigt. Bitte bestätigen Sie ihn über den Link in der E-Mail oder fragen Sie am Empfang.
# $number: die Wartenummer
checkin-already = Dieser Termin ist schon angemeldet (Wartenummer { $number }).
# $date: der Tag des Termins
checkin-not-today = Dieser Termin ist am { $date }, nicht heute.
# $time: ab wann
checkin-too-early = Anmelden geht ab { $time }.

## Der Platz

desk-title-choose = Platz wählen
desk-which = Platz
desk-counters = Bereiche, die Sie bedienen
desk-start = Beginnen
# $desk: der Name des Platzes
desk-title = Platz { $desk }
# $number: die Wartenummer
desk-current = Wartenummer { $number }
desk-state = Stand
# $n: wie oft aufgerufen
desk-calls = ({ $n }. Aufruf)
desk-name = Name
desk-appointment = Termin
desk-arrived = Ist da – beginnen
desk-recall = Erneut aufrufen
# $seconds: Sekunden
desk-recall-in = Erneut aufrufen geht in { $seconds } s.
desk-no-show = Nicht erschienen
desk-resume = Weiter bearbeiten
desk-back = Zurück in die Warteschlange
desk-done = Erledigt
desk-handled = Tatsächlich bearbeitete Anliegen
desk-park = Zurückstellen
desk-parked = Zurückgestellt an diesem Platz
desk-transfer = Weiterleiten
desk-transfer-to = An den Bereich
desk-call-next = Nächste Person aufrufen
desk-waiting = Es warten
# $n: Anzahl
desk-waiting-count = { $n }
desk-change = Platz oder Bereiche wechseln
desk-nobody = Niemand wartet in Ihren Bereichen.
desk-unknown = Diesen Platz hat der Standort nicht.
# $number: Wartenummer, $state: ihr Stand in Worten
desk-busy = Am Platz ist noch { $number } ({ $state }). Bitte zuerst abschließen.
desk-unknown-ticket = Diese Wartenummer gibt es heute hier nicht.
desk-not-allowed = { $number } ist { $state }: Das geht jetzt nicht.
desk-stale = { $number } hat sich inzwischen geändert (jetzt: { $state }). Die Seite zeigt den neuen Stand.
# $desk: der Platz, an den sie aufgerufen ist
desk-wrong-desk = { $number } ist an Platz { $desk } aufgerufen, nicht an diesen.
desk-recall-too-soon = { $number } kann erst in { $seconds } s erneut aufgerufen werden.
desk-urgent-already = { $number } ist schon dringend.
desk-invalid = Bitte prüfen: { $detail }

# $desk: Platz, $minutes: seit wie vielen Minuten
alert-from = Notruf von Platz { $desk } (seit { $minutes } min)
alert-coming = Ich komme
alert-raise = Notruf an alle Plätze
alert-gone = Dieser Notruf ist schon beantwortet.

## Die Tagesübersicht

# $office: der Name des Standorts
today-title = Heute – { $office }
today-none = Heute noch nichts.
today-ticket = Nummer
today-arrived = Angekommen
today-waited = Gewartet
today-desk = Platz
today-walk-in = ohne Termin
today-urgent = dringend
# $n: Personen
today-persons = { $n } Pers.
# $n: Minuten
today-minutes = { $n } min

## Die Anzeige im Wartebereich

# $office: der Name des Standorts
display-title = Aufrufe – { $office }
display-calls = Aufgerufen
display-none = Noch niemand aufgerufen.
display-to = zu
# $desk: der Platz
display-desk = Platz { $desk }
display-before = Davor
display-waiting = Es warten
display-sound = Ton einschalten

follow-title = Ihre Wartenummer
# $desk: der Platz
follow-called = Sie sind aufgerufen: Bitte gehen Sie zu Platz { $desk }.
follow-over = Diese Wartenummer ist abgeschlossen.
# $n: wie viele vor Ihnen warten
follow-position = { $n ->
    [0] Sie sind als Nächstes dran.
    [one] Vor Ihnen wartet eine Person.
   *[other] Vor Ihnen warten { $n } Personen.
}
follow-reload = Diese Seite aktualisiert sich von selbst.
follow-refresh = Jetzt aktualisieren

## Protokoll

audit-title = Protokoll
audit-office = Standort
audit-every-office = alle Standorte
audit-from = Von
audit-to = Bis
audit-show = Anzeigen
audit-none = In diesem Zeitraum gibt es keine Einträge.
# $n: Anzahl der Einträge
audit-count = { $n } { $n ->
    [one] Eintrag
   *[other] Einträge
}, neueste zuerst
audit-when = Wann
audit-who = Wer
audit-what = Was
audit-ticket = Wartenummer
audit-detail = Einzelheiten

## Benutzer, API-Schlüssel, Kioske

users-title = Benutzer und Zugänge
users-list = Benutzer
users-role = Rolle
users-state = Stand
users-actions = Aktionen
users-active = aktiv
users-disabled = gesperrt
users-reset = Neues Passwort
# $who: die E-Mail-Adresse
users-reset-who = Neues Passwort für { $who }
users-disable = Sperren
users-disable-who = { $who } sperren
users-add = Benutzer anlegen
users-office-hint = Sachbearbeitung und Leitung gehören zu einem Standort; Administratoren zu allen.
users-password-hint = Das Passwort wird erzeugt und einmal angezeigt.
users-add-submit = Anlegen
# $who: die E-Mail-Adresse
shown-password = Passwort für { $who }
shown-key = API-Schlüssel „{ $what }“
shown-kiosk = Kiosk-Schlüssel „{ $what }“
shown-once = Nur jetzt sichtbar: Bitte geben Sie es sicher weiter. Gespeichert wird nur ein Prüfwert.
user-disabled = { $who } ist gesperrt; die Anmeldungen sind beendet.
user-role = Diese Rolle gibt es nicht.
user-email = Das ist keine E-Mail-Adresse.
user-office = Diesen Standort gibt es nicht.
user-office-missing = Sachbearbeitung und Leitung gehören zu einem Standort: Bitte wählen Sie einen.
user-exists = Diese E-Mail-Adresse hat schon einen Zugang.
user-unknown = Zu dieser E-Mail-Adresse gibt es keinen Zugang.
user-label = Ein Name ist eine Zeile mit 1 bis 100 Zeichen.
user-forbidden = Das darf nur ein Administrator, oder die Leitung für die Sachbearbeitung ihres Standorts.
keys-title = API-Schlüssel
keys-none = Noch keine API-Schlüssel.
keys-add = API-Schlüssel anlegen
keys-add-submit = Schlüssel anlegen
kiosks-title = Kioske
kiosks-intro = Ein Kiosk ist ein Gerät am Eingang, an dem Menschen sich selbst anmelden. Öffnen Sie auf dem Gerät /kiosk/ und den Standort und geben Sie dort den Schlüssel ein.
kiosks-none = Kein Kiosk ist freigeschaltet.
kiosks-add = Kiosk freischalten
kiosks-add-submit = Schlüssel erzeugen
label = Name
revoke = Widerrufen
# $what: der Name
revoke-what = { $what } widerrufen
revoked = Widerrufen: Der Schlüssel gilt ab sofort nicht mehr.

## Statistics (heads of an office, admins)

staff-statistics = Statistik
stats-title = Statistik – { $office }
stats-from = Von
stats-to = Bis
stats-by = Je
stats-by-day = Tag
stats-by-week = Woche
stats-by-month = Monat
stats-counter = Bereich
stats-all-counters = alle Bereiche
stats-show = Anzeigen
stats-csv = Als CSV herunterladen
stats-summary = Im ganzen Zeitraum
stats-made = Gebucht
stats-appointments = Termine
stats-confirmed = Bestätigt
stats-cancelled = Abgesagt
stats-cancelled-office = davon vom Amt abgesagt
stats-expired = Verfallen (nicht bestätigt)
stats-no-shows = Nicht erschienen
stats-came = Erschienen
stats-walk-ins = Ohne Termin
stats-served = Bedient
stats-waiting-median = Wartezeit (Median)
stats-waiting-p90 = Wartezeit (90 %)
stats-within-15 = Innerhalb von 15 Minuten nach der Terminzeit aufgerufen
stats-over-target = Länger als { $minutes } Minuten gewartet
stats-lead = Zeit von der Buchung bis zum Termin (Median)
stats-utilisation = Auslastung
stats-periods = Die Zahlen je Zeitraum
stats-period = Zeitraum
stats-chart-appointments = Termine je Zeitraum
stats-chart-waiting = Wartezeit je Zeitraum (Median, Minuten)
stats-handling = Bearbeitungszeit je Anliegen und Person
stats-service = Anliegen
stats-cases = Fälle
stats-planned = Geplant
stats-suggested = Vorschlag
stats-suggested-hint = Ein Vorschlag steht ab { $n } Fällen da: der Median, aufgerundet auf das Raster des Bereichs. Er wird nicht von selbst übernommen.
stats-ahead = Auslastung der kommenden Wochen
stats-week = Woche
stats-booked = Gebucht (Minuten)
stats-bookable = Buchbar (Minuten)
stats-minutes = { $n } min
stats-days = { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
}
stats-mistakes = Der Zeitraum lässt sich so nicht anzeigen
stats-range-too-long = Höchstens { $days } Tage auf einmal.
stats-range-backwards = „Bis“ darf nicht vor „Von“ liegen.
stats-range-invalid = Bitte prüfen Sie das Feld „{ $field }“.
stats-again = Zur Statistik
stats-percent = { $n } %
stats-p90 = 90 %
stats-median = Median

## A week's load (heads of an office, admins)

staff-week = Woche
week-title = Woche ab { $date } – { $office }
week-earlier = Woche davor
week-later = Woche danach
week-day = Woche mit dem Tag
week-legend = In jeder Zelle: gebuchte Platz-Minuten / online buchbare Platz-Minuten dieser Stunde; darunter mit „+“ die Platz-Minuten für Menschen ohne Termin. Je voller eine Stunde, desto dichter und dunkler ihre Schraffur.
week-hour = Stunde
week-closed = geschlossen
week-arrivals = Erwartete Ankünfte je { $minutes } Minuten (höchstens { $max } Personen)
week-window = Zeitfenster
week-full = voll

## Der Plan-Editor (Amtsleitung)
staff-plan = Plan
plan-title = Plan – { $office }
plan-lead = Öffnungszeiten, Plätze, Dienstleistungen und Buchungsregeln des Amts (Revision { $revision }). Die Vorschau zeigt vor dem Speichern, was eine Änderung bewirkt; erst Speichern ändert etwas.
plan-saving = Änderung speichern
plan-effective-from = Gilt ab
plan-effective-hint = Leer: sofort. Mit Datum bleiben die Wochenzeiten bis zum Vortag, wie sie sind; so lassen sich die Zeiten des nächsten Monats schon heute festlegen. Dienstleistungen, Regeln und datierte Ausnahmen gelten sofort.
plan-note = Notiz für die Revisionsliste (warum)
plan-preview = Vorschau
plan-save = Speichern
plan-saved = Als Revision { $revision } gespeichert: { $moved } Termine verschoben, { $cancelled } abgesagt.
plan-stale = Jemand anderes hat den Plan geändert, seit Sie dieses Formular geöffnet haben (aktuell ist Revision { $revision }). Damit diese Änderung nicht überschrieben wird, wurde nichts gespeichert: Öffnen Sie den Plan neu und ändern Sie ihn dort.
plan-in-use = Kommende Termine hängen daran: Solange es sie gibt, behält ein Schalter sein Raster und das Amt seine Zeitzone und Ankunftsfenster. Es wurde nichts gespeichert.
plan-conflicts-refused = { $n ->
    [one] Ein Termin verlöre seinen Platz. Es wurde nichts gespeichert: Entscheiden Sie unten, ob er verschoben oder abgesagt wird, nennen Sie den Grund für die Bürgerin oder den Bürger, und speichern Sie erneut.
   *[other] { $n } Termine verlören ihren Platz. Es wurde nichts gespeichert: Entscheiden Sie unten für jeden (oder alle), ob sie verschoben oder abgesagt werden, nennen Sie den Grund für die Betroffenen, und speichern Sie erneut.
}
plan-no-free-time = { $n ->
    [one] Für einen Termin ist keine freie Zeit mehr zum Verschieben da. Es wurde nichts gespeichert: Sagen Sie ihn ab, oder geben Sie dem Plan mehr Raum.
   *[other] Für { $n } Termine ist keine freie Zeit mehr zum Verschieben da. Es wurde nichts gespeichert: Sagen Sie sie ab, oder geben Sie dem Plan mehr Raum.
}
plan-conflicts-title = { $n ->
    [one] Ein Termin verliert seinen Platz
   *[other] { $n } Termine verlieren ihren Platz
}
plan-conflicts-lead = Verschobene Termine kommen auf die nächste freie Zeit, zuerst am selben Tag. Alle Betroffenen erhalten eine Mail in ihrer Sprache mit Ihrem Grund und, wenn verschoben, dem neuen Kalendereintrag.
plan-decide-all = Für alle ohne eigene Entscheidung
plan-decide-each = für jeden einzeln
plan-decide-open = nicht entschieden
plan-decide-move = auf die nächste freie Zeit verschieben
plan-decide-cancel = absagen
plan-conflict-when = Termin
plan-conflict-counter = Schalter
plan-conflict-services = Dienstleistungen
plan-conflict-decision = Entscheidung
plan-reason = Grund für die Betroffenen (eine Zeile, sie steht in der Mail)
plan-no-conflicts = Kein Termin verliert seinen Platz.
plan-preview-title = Vorschau: die Woche ab { $date }
plan-preview-legend = Je Schalter und Stunde: Plätze / davon online buchbar. Eine Änderung steht als vorher → nachher, der neue Wert fett.
plan-section-office = Amt
plan-zone = Zeitzone { $zone }, Feiertage von { $state } (nur in der Amtsdatei änderbar).
plan-office-name = Name
plan-address = Anschrift
plan-email = Antwortadresse der Mails
plan-sender = Absenderadresse der Mails
plan-section-rules = Buchungsregeln
plan-notice = Vorlauf (Minuten vor dem Termin)
plan-horizon = Buchbar im Voraus (Tage)
plan-release = Neuer Tag wird frei um (HH:MM, leer: Mitternacht)
plan-confirm = Bestätigen binnen (Minuten, 0: sofort bestätigt)
plan-per-email = Aktive Termine je E-Mail-Adresse
plan-hold = Gewählte Zeit vormerken (Minuten)
plan-reminder = Erinnerung vorher (Stunden, 0: keine)
plan-arrivals-per = Ankunftsfenster (Minuten)
plan-arrivals-max = Personen je Ankunftsfenster
plan-section-queue = Warteschlange
plan-early = Einchecken ab (Minuten vorher)
plan-late = Einchecken bis (Minuten danach)
plan-recall = Erneut aufrufen nach (Minuten)
plan-max-calls = Aufrufe bis „nicht erschienen“
plan-desk-names = Plätze
plan-one-per-line = Ein Name je Zeile; leer: durchnummeriert.
plan-section-days = Schließtage und geöffnete Feiertage
plan-closed = Geschlossen am
plan-open = Geöffnet am Feiertag
plan-dates-hint = Ein Datum je Zeile, JJJJ-MM-TT.
plan-counter = Schalter: { $name }
plan-name = Name
plan-grid = Raster (Minuten)
plan-prefix = Präfix der Wartenummern
plan-hours = Wochenzeiten
plan-hours-hint = Je Zeitfenster: Tage, von und bis (HH:MM, 24:00 für Mitternacht), besetzte Plätze und wie viele davon online buchbar sind (die übrigen nehmen Laufkundschaft). Das leere Fenster ausfüllen, um eines hinzuzufügen.
plan-window = Zeitfenster
plan-days = Tage
plan-from = Von
plan-to = Bis
plan-desks = Plätze
plan-online = Online
plan-since = Gilt ab
plan-until = Gilt bis
plan-remove = Entfernen
plan-exceptions = Datierte Ausnahmen
plan-exceptions-hint = Weniger oder mehr Plätze an einem Datum, ganztags oder von–bis; 0 Plätze ohne Zeiten schließt den Schalter an dem Tag.
plan-exception = Ausnahme
plan-date = Datum
plan-services = Dienstleistungen
plan-service = Dienstleistung
plan-new-service = Neue Dienstleistung
plan-service-id = Kennung (Buchstaben, Ziffern, - oder _; sie steht in Adressen)
plan-minutes = Minuten je Person
plan-max-persons = Höchstens Personen
plan-bring = Mitzubringen
plan-new-counter = Neuer Schalter
plan-new-counter-hint = Füllen Sie diesen Teil aus, um einen Schalter hinzuzufügen: eine Kennung, einen Namen, mindestens ein Zeitfenster und eine Dienstleistung. Leer gelassen, ändert er nichts.
plan-revisions-title = Revisionen
plan-revision = Revision
plan-revision-when = Gespeichert
plan-revision-who = Von
plan-revision-bookings = Termine
plan-revision-moved = { $moved } verschoben, { $cancelled } abgesagt
plan-compare = { $revision }: vergleichen
plan-compare-title = Revision { $revision } – { $office }
plan-compare-lead = Gespeichert von { $who }. Notiz: { $note }
plan-compare-first = Die erste Revision: Es gibt keine frühere zum Vergleich.
plan-compare-legend = Zeilen mit + hat diese Revision hinzugefügt, Zeilen mit − entfernt, in den Worten der Amtsdatei.
plan-back = Zurück zum Plan

## Kalender-Abonnements
staff-feeds = Kalender und Webhooks
feeds-title = Kalender-Abonnements und Webhooks · { $office }
feeds-intro = Ein Kalender-Abonnement gibt die Termine eines Schalters an den Groupware-Kalender der Stadt, der seine geheime Adresse abonniert. Wer die Adresse kennt, kann es lesen: Geben Sie sie nur dem Kalender und widerrufen Sie sie, wenn sie nicht mehr gebraucht wird.
feeds-list = Abonnements in Gebrauch
feeds-none = Noch keine Kalender-Abonnements.
feeds-counter = Schalter
feeds-names = Namen
feeds-with-names = mit Namen und Buchungscodes
feeds-without-names = nur Leistungen und Personen
feeds-made = Angelegt
feeds-add = Neues Kalender-Abonnement
feeds-names-choice = Namen und Buchungscodes aufnehmen
feeds-names-hint = Nur wenn allein Mitarbeitende den Kalender lesen. Ohne dies nennen die Einträge die Leistungen und die Zahl der Personen.
feeds-add-submit = Abonnement anlegen
feeds-made-title = Die Adresse des neuen Abonnements
feeds-shown-once = Sie wird nur jetzt gezeigt. Kopieren Sie sie in den Kalender, der sie abonniert.
feeds-label-wrong = Geben Sie dem Abonnement eine Bezeichnung mit 1 bis 100 Zeichen.
feeds-gone = Dieses Abonnement war schon widerrufen.
feed-summary = { $services } · { $persons ->
    [one] 1 Person
   *[other] { $persons } Personen
}
feed-code = Buchungscode { $code }

hooks-title = Webhooks
hooks-intro = Ein Webhook meldet einem Fachverfahren, was mit den Buchungen dieses Amts geschieht (angelegt, verschoben, abgesagt, angemeldet, erledigt, nicht erschienen), der Reihe nach und mit einem Schlüssel signiert. Namen und Adressen werden nicht gesendet.
hooks-none = Noch keine Webhooks.
hooks-list = Webhooks in Gebrauch
hooks-url = Adresse (URL)
hooks-state = Zustand
hooks-ok = wird zugestellt
hooks-failing = { $attempts ->
    [one] 1 Fehlversuch
   *[other] { $attempts } Fehlversuche
}, wird wiederholt
hooks-add = Neuer Webhook
hooks-add-submit = Webhook anlegen
hooks-made-title = Der Schlüssel des neuen Webhooks
hooks-shown-once = Er wird nur jetzt gezeigt. Das empfangende System prüft damit die Signatur jeder Anfrage.
hooks-url-wrong = Geben Sie eine Adresse an, die mit http:// oder https:// beginnt.

stats-compare-title = Ämter im Vergleich
stats-compare-caption = Alle Ämter vom { $from } bis { $to }

stats-hints = Planungshinweise
stats-hints-none = Nichts in diesem Zeitraum spricht für mehr Plätze.
stats-hint-walk-ins = { $counter }: { $count ->
    [one] 1 Person ohne Termin wurde
   *[other] { $count } Personen ohne Termin wurden
} an { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} abgewiesen. Mehr Plätze für Vorsprachen ohne Termin würden helfen.
stats-hint-booked-out = { $counter }: online ausgebucht an { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
}. Mehr Plätze online würden helfen.
stats-next-free = Nächster freier Termin (eine Person), wie er an jedem Tag stand
stats-day = Tag
stats-days-ahead = Tage voraus
stats-none-free = keiner frei
