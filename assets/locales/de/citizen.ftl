# Die Seiten der Bürgerinnen und Bürger: Standorte, Anliegen, Tage, Zeiten, Formular, Termin.

skip-to-content = Zum Inhalt
footer-legal = Rechtliches
footer-privacy = Datenschutz
footer-accessibility = Barrierefreiheit
footer-imprint = Impressum

# Die Sprachen der Seite, jede in ihrer eigenen Sprache benannt.
language-switch = Sprache
footer-easy = Leichte Sprache

# Uhrzeit und Datum mit Uhrzeit. $time und $date sind schon in der Sprache der Seite geschrieben.
time-of-day = { $time } Uhr
date-time = { $date }, { $time }

home-title = Termin buchen
home-intro = Buchen Sie Ihren Termin online – ohne Wartemarke und ohne Warteschlange. Wählen Sie zuerst den Standort.

# $title: der Titel der Seite
title-with-mistakes = Fehler – { $title }

office-intro = Wählen Sie, was Sie erledigen möchten. Mehrere Anliegen eines Bereichs können Sie zusammen buchen.
office-services = Anliegen
office-persons = Anzahl Personen
office-next = Weiter: Tag wählen
# $n: Minuten
service-minutes = ({ $n } min)
service-minutes-per-person = ({ $n } min je Person)

persons-count = { $n } { $n ->
    [one] Person
   *[other] Personen
}
about-minutes = etwa { $n } min
wish-change = Auswahl ändern

days-title = Tag wählen
days-intro = Tage mit freien Zeiten sind verlinkt.
days-none = In diesem Zeitraum ist leider nichts mehr frei. Bitte schauen Sie später wieder vorbei – abgesagte Termine werden wieder frei.
days-later = Spätere Tage
calendar-free = { $n } frei
calendar-none = : keine freien Zeiten

day-title = Uhrzeit wählen
day-none = An diesem Tag ist keine Zeit mehr frei.
day-intro = Wählen Sie eine Uhrzeit. Wir halten sie { $minutes } Minuten für Sie frei, während Sie Ihre Angaben machen.
day-other = Anderen Tag wählen
quiet = ruhig
quiet-legend = = zu dieser Zeit werden wenige Besucher erwartet, Sie warten kürzer.

fact-when = Wann
fact-where = Wo
fact-services = Anliegen
fact-persons = Personen
fact-code = Vorgangsnummer
bring-title = Bitte mitbringen

form-title = Ihre Angaben
held-until = Wir halten diese Zeit für Sie frei bis { $time }.
form-name = Vor- und Nachname
form-email = E-Mail-Adresse
form-email-hint-confirm = Dorthin senden wir den Link, mit dem Sie den Termin bestätigen.
form-email-hint = Dorthin senden wir die Terminbestätigung.
form-phone = Telefon (freiwillig)
form-consent = Ich habe die { $privacy } gelesen und bin einverstanden, dass meine Angaben für diesen Termin gespeichert werden.
form-consent-privacy = Datenschutzerklärung
form-submit-confirm = Termin buchen
form-submit = Termin verbindlich buchen
form-other-time = Andere Zeit wählen

error-summary-title = Bitte prüfen Sie Ihre Angaben
field-error-prefix = Fehler:

done-pending-title = Bitte bestätigen Sie per E-Mail
done-pending-text = Wir haben eine E-Mail an { $email } geschickt. Öffnen Sie den Link darin und drücken Sie „Termin bestätigen“ bis { $deadline }. Sonst wird die Zeit wieder frei.
done-confirmed-title = Ihr Termin ist gebucht
done-confirmed-text = Die Bestätigung mit Kalenderdatei ist unterwegs an { $email }. Mit dem Link darin können Sie den Termin verschieben oder absagen.
done-print = Sie können diese Seite ausdrucken; Menü und Knöpfe werden dabei weggelassen.

manage-title = Ihr Termin
manage-confirm-please = Bitte bestätigen Sie den Termin mit dem Knopf unten, sonst wird die Zeit wieder frei.
manage-confirm = Termin bestätigen
manage-move = Termin verschieben
manage-cancel = Termin absagen
manage-calendar = In den Kalender eintragen (.ics)
manage-print = Sie können diese Seite als Terminbestätigung ausdrucken.
manage-code-hint = Mit dieser Nummer oder dem QR-Code melden Sie sich am Tag des Termins am Empfang oder am Kiosk an. Diese Seite öffnet sie nicht.

status-pending = Noch nicht bestätigt
status-confirmed = Bestätigt
status-cancelled = Abgesagt
status-expired = Verfallen (nicht rechtzeitig bestätigt)
status-done = Erledigt

move-title = Termin verschieben
move-now = Jetzt:
move-stays = Ihr bisheriger Termin bleibt bestehen, bis der neue gesichert ist.
move-back = Zurück zum Termin
move-day-none = An diesem Tag ist keine Zeit frei.
move-other-day = Anderen Tag wählen

mistake-consent = Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.
mistake-honeypot = Das Formular ließ sich so nicht senden. Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal.
mistake-email-cap = Für diese E-Mail-Adresse gibt es an diesem Standort schon { $n } offene Termine. Sagen Sie einen über den Link in seiner E-Mail ab, wenn Sie einen neuen brauchen.
mistake-name-missing = Bitte geben Sie Ihren Namen an.
mistake-name-not-one-line = Bitte nur eine Zeile ohne Steuerzeichen.
mistake-name-characters = Bitte nur Buchstaben, Leerzeichen, Apostrophe, Bindestriche und Punkte.
mistake-name-too-long = Bitte höchstens { $n } Zeichen.
mistake-email-invalid = Bitte geben Sie eine E-Mail-Adresse an, etwa name@example.de.
mistake-email-local-not-ascii = Vor dem @ bitte nur lateinische Buchstaben ohne Akzente, Ziffern und . _ - +.
mistake-invisible = Hier stehen unsichtbare Zeichen (etwa Leerzeichen ohne Breite oder Richtungszeichen). Bitte tippen Sie es noch einmal.
mistake-phone-invalid = Bitte nur Ziffern, Leerzeichen und + - / ( ) für die Telefonnummer.
mistake-no-service = Bitte wählen Sie mindestens ein Anliegen.
mistake-several-counters = Bitte wählen Sie nur Anliegen eines Bereichs.
mistake-too-many-services = Bitte höchstens { $n } Anliegen auf einmal.
mistake-no-person = Bitte wählen Sie mindestens eine Person.
mistake-too-many-persons = Für diese Anliegen höchstens { $n } Personen.
mistake-day-past = Dieser Tag liegt in der Vergangenheit.
mistake-day-beyond-horizon = So weit im Voraus kann noch nicht gebucht werden.
mistake-range-backwards = Das Ende liegt vor dem Anfang.
mistake-range-too-long = Dieser Zeitraum ist zu lang.
mistake-other = Bitte prüfen Sie diese Angabe.

## An office's public figures

office-figures-link = Wie schnell gibt es hier einen Termin? Zahlen zu diesem Amt
figures-title = Zahlen – { $office }
figures-intro = So lief es in diesem Amt in den letzten { $weeks } Wochen. Zahlen aus weniger als { $min } Fällen zeigen wir nicht.
figures-next-free = Nächster freier Termin
figures-service = Anliegen
figures-none = Zurzeit kein freier Termin
figures-weeks = Die letzten { $weeks } Wochen
figures-lead = Zeit von der Buchung bis zum Termin (Median)
figures-no-show = Anteil der Termine, zu denen niemand kam
figures-on-time = Innerhalb von 15 Minuten nach der Terminzeit aufgerufen
figures-too-few = zu wenige Fälle
figures-percent = { $n } %
figures-days = { $n ->
    [one] 1 Tag
   *[other] { $n } Tage
}
figures-book = Einen Termin buchen
