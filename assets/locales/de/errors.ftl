# Was anders kam als gewünscht: eine Seite für alles, mit einem Weg weiter.

to-start = Zur Startseite
to-calendar = Zum Kalender
start-again = Neu beginnen

status-404-title = Seite nicht gefunden
status-404-text = Diese Seite gibt es nicht.
status-405-title = Das geht hier nicht
status-405-text = Diese Seite lässt sich so nicht aufrufen. Bitte nutzen Sie die Links und Knöpfe der Seiten.
status-413-title = Zu viele Angaben
status-413-text = Das Formular war zu groß. Bitte kürzen Sie Ihre Angaben und senden Sie es noch einmal.
status-415-title = Formular nicht lesbar
status-415-text = Das Formular kam in einer Form, die wir nicht lesen können. Bitte senden Sie es noch einmal von unserer Seite aus.
status-408-title = Zeit abgelaufen
status-408-text = Die Anfrage hat zu lange gedauert. Bitte versuchen Sie es noch einmal.
status-400-title = Anfrage nicht verständlich
status-400-text = Diese Anfrage konnten wir nicht verstehen. Bitte nutzen Sie die Links und Knöpfe der Seiten.

no-hold-title = Keine Zeit vorgemerkt
no-hold-text = Für diesen Browser ist keine Zeit vorgemerkt. Vielleicht ist die Vormerkung abgelaufen, oder Cookies sind ausgeschaltet – ohne sie können wir die Zeit nicht für Sie halten.

taken-title = Diese Zeit ist nicht mehr frei
taken-text = Jemand anderes hat diese Zeit gerade gebucht.
arrivals-full-text = Zu dieser Zeit kommen schon so viele Menschen an, wie der Warteraum fasst.
move-taken-text = Diese Zeit ist nicht mehr frei. Ihr bisheriger Termin bleibt bestehen.
ran-out-title = Die Vormerkung ist abgelaufen
ran-out-text = Wir haben die Zeit { $minutes } Minuten für Sie freigehalten; diese Zeit ist um. Bitte wählen Sie erneut.
nearest-none = In der Nähe dieser Zeit ist nichts mehr frei.
nearest-free = Diese Zeiten in der Nähe sind noch frei:

hold-cap-title = Schon genug Zeiten vorgemerkt
# $minutes: Schalterzeit, die eine Adresse vormerken darf; $hold_minutes: wie lange eine Vormerkung hält
hold-cap-text = Von Ihrem Internetanschluss aus sind gerade Zeiten vorgemerkt, die zusammen { $minutes } Minuten Schalterzeit übersteigen würden; mehr geht nicht gleichzeitig. Buchen Sie eine davon, oder versuchen Sie es in { $hold_minutes } Minuten noch einmal.
hold-cap-today-text = Von Ihrem Internetanschluss aus ist an diesem Tag schon so viel vorgemerkt, wie ein Anschluss vormerken kann. Buchen Sie eine der vorgemerkten Zeiten, oder wählen Sie einen anderen Tag.
too-long-title = Zu lang, um vorgemerkt zu werden
too-long-text = Die gewählten Anliegen brauchen an diesem Tag mehr Schalterzeit, als wir auf einmal für Sie vormerken können. Bitte buchen Sie für weniger Personen oder Anliegen auf einmal (etwa zwei Termine nacheinander), oder rufen Sie uns an.
wait-title = Bitte warten Sie einen Moment
slowed-text = Von Ihrem Internetanschluss aus wurden mehrere vorgemerkte Zeiten nicht gebucht. Damit Zeiten nicht blockiert werden, können Sie in { $minutes } Minute(n) wieder eine Zeit vormerken.
day-share-title = Dieser Tag ist gerade stark gefragt
day-share-text = Gerade wählen viele Menschen eine Zeit an diesem Tag. Bitte wählen Sie einen anderen Tag, oder versuchen Sie es in einigen Minuten noch einmal.
time-not-bookable-title = Diese Zeit ist nicht buchbar
time-not-bookable-text = Die gewählte Zeit liegt zu nah, in der Vergangenheit oder außerhalb der Öffnungszeiten.
days-not-bookable-title = Diese Tage sind nicht buchbar
not-a-date-title = Kein gültiges Datum

booking-not-found-title = Termin nicht gefunden
booking-not-found-text = Zu diesem Link gibt es keinen Termin. Bitte prüfen Sie, ob er vollständig kopiert wurde.
booking-lapsed-title = Termin verfallen
booking-lapsed-text = Der Termin wurde nicht rechtzeitig bestätigt und ist verfallen. Bitte buchen Sie neu.
not-changeable-title = Nicht mehr änderbar
not-changeable-text = Dieser Termin lässt sich nicht mehr ändern: Er hat begonnen, ist vorbei oder wurde abgesagt.
booking-failed-text = Das ließ sich nicht ausführen. Bitte versuchen Sie es später noch einmal.
moved-too-often-title = Nicht noch einmal verschiebbar
moved-too-often-text = Dieser Termin wurde schon { $n }-mal verschoben, so oft wie ein Termin verschoben werden kann. Wenn Sie eine andere Zeit brauchen, sagen Sie ihn ab und buchen Sie neu.
move-day-not-bookable-title = Dieser Tag ist nicht buchbar

unavailable-title = Gerade nicht erreichbar
unavailable-text = Die Terminbuchung ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.
unavailable-booked = Falls Sie gerade gebucht haben: Eine Buchung, die geklappt hat, bestätigen wir Ihnen per E-Mail.
failed-title = Das ging nicht
failed-text = Das ließ sich gerade nicht ausführen. Bitte versuchen Sie es später noch einmal.
failed-reference = Kennung für Rückfragen:
form-expired-title = Formular abgelaufen
form-expired-text = Das Formular war veraltet oder kam von einer anderen Seite; es wurde nichts geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal. Dafür müssen Cookies für diese Seite erlaubt sein.
rate-limited-text = Von Ihrer Internetadresse kamen in kurzer Zeit sehr viele Anfragen. Damit Termine fair verteilt werden und nicht von Programmen abgegriffen, versuchen Sie es bitte in { $minutes } Minute(n) noch einmal.
not-text-title = Formular nicht lesbar
not-text-text = Das Formular oder der Link enthielt Zeichen, die wir nicht lesen können; es wurde nichts gespeichert. Bitte geben Sie Ihre Angaben noch einmal auf unserer Seite ein.
