# Die Mails zu einem Termin. $when: Tag und Uhrzeit des Termins.

mail-greeting-named = Guten Tag { $name },
mail-greeting = Guten Tag,
mail-please-confirm-subject = Bitte bestätigen Sie Ihren Termin: { $when }
mail-please-confirm-lead = bitte bestätigen Sie Ihren Termin bis { $deadline }. Ohne Bestätigung verfällt er, und die Zeit wird wieder frei.
mail-confirmed-subject = Ihr Termin ist bestätigt: { $when }
mail-confirmed-lead = Ihr Termin ist bestätigt. Im Anhang finden Sie ihn für Ihren Kalender.
mail-cancelled-subject = Ihr Termin wurde abgesagt: { $when }
mail-cancelled-lead = Ihr Termin wurde abgesagt. Der Anhang entfernt ihn aus Ihrem Kalender.
mail-moved-subject = Ihr Termin wurde verschoben: { $when }
mail-moved-lead = Ihr Termin wurde auf die unten genannte Zeit verschoben. Der Anhang ersetzt ihn in Ihrem Kalender.
mail-reminder-subject = Erinnerung an Ihren Termin: { $when }
mail-reminder-lead = wir erinnern Sie an Ihren Termin. Wenn Sie nicht kommen können, sagen Sie ihn bitte ab: dann bekommt jemand anderes die Zeit.
mail-lapsed-subject = Ihr Termin ist verfallen: { $when }
mail-lapsed-lead = Ihr Termin wurde nicht rechtzeitig bestätigt und ist verfallen; die Zeit ist wieder frei. Der Anhang entfernt ihn aus Ihrem Kalender. Wenn Sie den Termin noch brauchen, buchen Sie bitte neu.
mail-action-confirm = Termin bestätigen
mail-manage = Termin ansehen, verschieben oder absagen
mail-footer = Diese Nachricht wurde automatisch versandt.
# Der Name des Eintrags im Kalender.
mail-calendar-summary = { $services } – { $office }
mail-code-hint = Zeigen Sie die Vorgangsnummer oder den QR-Code am Tag des Termins am Empfang oder am Kiosk: So melden Sie sich vor Ort an.
mail-qr-alt = QR-Code der Vorgangsnummer

## Mails of a booking the office moved or cancelled when it changed its plan
mail-office-moved-lead = das Amt hat seine Öffnungszeiten oder Plätze geändert, und zu Ihrer Zeit ist kein Platz mehr frei. Ihr Termin wurde deshalb auf die unten genannte Zeit verschoben. Der Anhang ersetzt ihn in Ihrem Kalender. Passt Ihnen die neue Zeit nicht, können Sie den Termin über den Link verschieben oder absagen.
mail-office-cancelled-lead = das Amt hat seine Öffnungszeiten oder Plätze geändert, und Ihr Termin kann nicht stattfinden. Er wurde deshalb abgesagt. Der Anhang entfernt ihn aus Ihrem Kalender. Bitte buchen Sie einen neuen Termin.
fact-office-reason = Grund
