# Die Seite in Leichter Sprache: Was der Dienst macht, Buchen, Bestätigen, Verschieben, Absagen, Mitbringen, Hilfe.
# Jede Zeile eines Textes ist ein Satz und wird als eigener Absatz gezeigt.

easy-title = Termine im Bürger-Büro: Erklärung in Leichter Sprache
easy-intro =
    Auf dieser Seite erklären wir Ihnen unsere Internet-Seite für Termine.
    Hier machen Sie einen Termin im Bürger-Büro aus.
    Sie lesen auch: So ändern Sie Ihren Termin.

easy-what-title = Was können Sie hier machen?
easy-what-text =
    Im Bürger-Büro erledigen Sie Sachen bei der Stadt.
    Zum Beispiel: Sie bekommen dort einen neuen Personal-Ausweis.
    Für das Bürger-Büro können Sie einen Termin im Internet buchen.
    Buchen bedeutet: Sie machen einen festen Termin aus.
    Dann müssen Sie im Bürger-Büro nicht lange warten.
    Sie kommen zu Ihrer Uhrzeit an die Reihe.

easy-book-title = So buchen Sie einen Termin
easy-book-text =
    Sie brauchen dafür eine E-Mail-Adresse.
    Schritt 1: Wählen Sie das Bürger-Büro.
    Auf der Seite heißt das Bürger-Büro: Standort.
    Schritt 2: Wählen Sie Ihr Anliegen.
    Ein Anliegen ist: Das möchten Sie im Bürger-Büro erledigen.
    Zum Beispiel: Sie brauchen einen neuen Reise-Pass.
    Wählen Sie dann die Zahl der Personen.
    Zum Beispiel: Sie und Ihr Kind brauchen einen Reise-Pass.
    Dann wählen Sie 2 Personen.
    Schritt 3: Wählen Sie einen Tag.
    Schritt 4: Wählen Sie eine Uhrzeit.
    Wir halten diese Uhrzeit dann ein paar Minuten für Sie frei.
    In diesen Minuten kann kein anderer Mensch die Uhrzeit nehmen.
    Schritt 5: Schreiben Sie in dieser Zeit Ihren Namen und Ihre E-Mail-Adresse auf die Seite.
    Drücken Sie dann auf den Knopf zum Buchen.
    Danach bekommen Sie eine E-Mail von uns.
    In der E-Mail stehen Ihr Tag und Ihre Uhrzeit.

easy-confirm-title = So bestätigen Sie Ihren Termin
easy-confirm-text =
    Bei manchen Bürger-Büros müssen Sie Ihren Termin bestätigen.
    Bestätigen bedeutet: Sie sagen uns noch einmal: Ja, ich möchte den Termin.
    Das steht dann in der E-Mail von uns.
    So bestätigen Sie den Termin:
    Öffnen Sie die E-Mail von uns.
    In der E-Mail ist ein Link.
    Ein Link ist ein Verweis auf eine Internet-Seite.
    Drücken Sie auf den Link.
    Dann kommen Sie auf die Seite von Ihrem Termin.
    Drücken Sie dort auf den Knopf „Termin bestätigen“.
    In der E-Mail steht eine Uhrzeit.
    Bestätigen Sie den Termin vor dieser Uhrzeit.
    Sonst gilt Ihr Termin nicht mehr.
    Dann kann ein anderer Mensch Ihre Uhrzeit buchen.
    Nach dem Bestätigen bekommen Sie noch eine E-Mail.
    Darin steht: Ihr Termin ist bestätigt.

easy-move-title = So verschieben Sie Ihren Termin
easy-move-text =
    Vielleicht passt Ihnen die Uhrzeit von Ihrem Termin nicht mehr.
    Dann können Sie den Termin verschieben.
    Verschieben bedeutet: Sie nehmen eine andere Uhrzeit oder einen anderen Tag.
    So verschieben Sie den Termin:
    Öffnen Sie die E-Mail von uns.
    Drücken Sie auf den Link in der E-Mail.
    Drücken Sie auf der Seite auf den Knopf „Termin verschieben“.
    Wählen Sie eine neue Uhrzeit.
    Sie können auch einen anderen Tag wählen.
    Ihr alter Termin bleibt dabei bestehen.
    Er gilt so lange, bis der neue Termin sicher ist.
    Sie können einen Termin nur ein paar Mal verschieben.
    Danach können Sie den Termin absagen.
    Dann buchen Sie einen neuen Termin.

easy-cancel-title = So sagen Sie Ihren Termin ab
easy-cancel-text =
    Manchmal können Sie zu Ihrem Termin nicht kommen.
    Dann sagen Sie den Termin bitte ab.
    Absagen bedeutet: Sie sagen uns: Ich komme nicht zu dem Termin.
    So sagen Sie den Termin ab:
    Öffnen Sie die E-Mail von uns.
    Drücken Sie auf den Link in der E-Mail.
    Drücken Sie auf der Seite auf den Knopf „Termin absagen“.
    Dann ist Ihre Uhrzeit wieder frei.
    Ein anderer Mensch kann dann zu dieser Uhrzeit kommen.
    So helfen Sie anderen Menschen.

easy-bring-title = Das bringen Sie zum Termin mit
easy-bring-text =
    Für manche Anliegen müssen Sie Sachen zum Bürger-Büro mitbringen.
    Zum Beispiel: Ihren Personal-Ausweis oder Ihren Reise-Pass.
    Mit dem Personal-Ausweis oder dem Reise-Pass zeigen Sie: Das bin ich.
    Für jedes Anliegen gibt es eine eigene Liste.
    Die Liste heißt: Bitte mitbringen.
    Sie finden die Liste auf unserer Seite.
    Die Liste steht auch in der E-Mail von uns.
    Bitte lesen Sie die Liste vor Ihrem Termin.
    Bitte kommen Sie ein paar Minuten früher zum Bürger-Büro.
    Dann sind Sie pünktlich bei Ihrem Termin.

easy-help-title = Hier bekommen Sie Hilfe
easy-help-text =
    Manchmal brauchen Sie Hilfe beim Buchen.
    Dann fragen Sie im Bürger-Büro.
    Sie können dafür zum Bürger-Büro gehen.
    Oder Sie rufen im Bürger-Büro an.
    Sie können uns auch eine E-Mail schreiben.
    Das ist unsere E-Mail-Adresse: { $email }
    Auch eine Vertrauens-Person kann Ihnen beim Buchen helfen.
    Eine Vertrauens-Person ist ein Mensch: Sie vertrauen diesem Menschen.
    Zum Beispiel: jemand aus Ihrer Familie.

easy-sign-language-text =
    Diese Erklärung gibt es auch als Video.
    Das Video ist in Deutscher Gebärden-Sprache.
easy-sign-language-link = Video in Gebärden-Sprache ansehen
