# Datenschutzerklärung, Erklärung zur Barrierefreiheit, Impressum.

privacy-title = Datenschutzerklärung
privacy-who = Wer ist verantwortlich?
privacy-contact = Kontakt für Fragen zum Datenschutz: { $email }
privacy-what = Was wir speichern und warum
privacy-what-text = Für Ihren Termin speichern wir Ihren Namen, Ihre E-Mail-Adresse, auf Wunsch Ihre Telefonnummer, die gewählten Anliegen, die Zahl der Personen und die Zeit. Wir brauchen diese Angaben, um den Termin zu vergeben, Sie zu benachrichtigen und Sie am Schalter aufzurufen (Art. 6 Abs. 1 lit. e DSGVO).
privacy-abuse-text = Um Missbrauch zu verhindern, zählen wir Anfragen je Internetadresse für kurze Zeit im Arbeitsspeicher. Solange eine gewählte Zeit für Sie vorgemerkt ist (einige Minuten), speichern wir einen Hashwert Ihrer Internetadresse, damit niemand viele Zeiten auf einmal blockiert; danach wird er gelöscht. Verfallen von einer Adresse aus immer wieder vorgemerkte Zeiten, ohne dass gebucht wird, behalten wir ihn bis zu einer Stunde, um weitere Vormerkungen zu verlangsamen.
privacy-how-long = Wie lange
# $days: Tage nach dem Termin
privacy-how-long-text = Name, E-Mail-Adresse und Telefonnummer werden { $days } Tage nach dem Termin gelöscht. Für die Statistik bleiben nur Zahlen ohne Personenbezug.
privacy-cookies = Cookies und Dritte
privacy-cookies-text = Wir setzen nur technisch notwendige Cookies: die gewählte Sprache (wenn Sie eine wählen), ein Zufallswert, der unsere Formulare vor Missbrauch durch fremde Seiten schützt (bis Sie den Browser schließen), und während der Buchung ein Zufallswert für die vorgemerkte Zeit (bis Sie den Browser schließen). Es gibt keine Zählpixel, keine Werbung und keine Inhalte anderer Anbieter.
privacy-rights = Ihre Rechte
privacy-rights-text = Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei der zuständigen Datenschutzaufsichtsbehörde. Ihren Termin können Sie jederzeit über den Link in Ihrer E-Mail absagen.

accessibility-title = Erklärung zur Barrierefreiheit
accessibility-intro = Wir möchten, dass alle diesen Dienst nutzen können. Diese Erklärung gilt für die Seiten der Terminbuchung und beruht auf der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0).
accessibility-compliance = Stand der Vereinbarkeit
accessibility-compliance-text = Die Seiten sollen die Anforderungen der WCAG 2.1 auf Stufe AA erfüllen. Sie funktionieren ohne JavaScript und allein mit der Tastatur und werden bei jeder Änderung automatisch mit axe-core in einem echten Browser geprüft.
accessibility-feedback = Feedback und Kontakt
accessibility-feedback-text = Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns: { $email }. Wir antworten in der Regel innerhalb von zwei Wochen.
accessibility-conciliation = Schlichtungsverfahren
accessibility-conciliation-text = Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle Ihres Bundeslandes nach dem Behindertengleichstellungsrecht wenden.

imprint-title = Impressum
imprint-provider = Anbieter dieses Dienstes:
imprint-email = E-Mail: { $email }
imprint-software = Die Buchungssoftware ist Termin, quelloffene Software.
