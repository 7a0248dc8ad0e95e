## Fehler in einem Plan: in einer Amtsdatei (`termin import`), in der Plan-API und
## im Plan-Editor. Jeder steht hinter der Stelle, an der er gefunden wurde
## ("office mitte, counter kfz, hours #2, desks: …"). Schlüssel und Beispiele
## in TOML bleiben, wie sie sind.

office-file-not-toml = ist kein gültiges TOML: { $problem }
office-file-office-not-table = muss eine Tabelle sein ([[office]])
office-file-offices-not-array = muss eine Liste von Tabellen sein ([[office]])
office-file-no-office = die Datei hat kein [[office]]
office-file-office-id-twice = die Kennung kommt in dieser Datei zweimal vor
office-file-unknown-key = unbekannter Schlüssel (hier bekannt: { $known })
office-file-empty = darf nicht leer sein
office-file-not-one-line = muss eine Zeile mit höchstens { $max } Zeichen sein
office-file-not-string = muss ein Text sein
office-file-missing = fehlt
office-file-not-text = muss ein Text sein oder eine Tabelle {"{"} de = "…", en = "…", uk, tr, ar {"}"}
office-file-bad-id = "{ $id }" darf nur Kleinbuchstaben, Ziffern, - oder _ enthalten (höchstens { $max }), denn die Kennung steht in Adressen
office-file-out-of-range = { $n } liegt nicht zwischen { $min } und { $max }
office-file-not-whole-number = muss eine ganze Zahl sein
office-file-time-not-string = muss eine Uhrzeit als Text sein, "HH:MM"
office-file-not-time = "{ $time }" ist keine Uhrzeit ("HH:MM", 00:00 bis 23:59)
office-file-not-date = { $value } ist kein Datum ("JJJJ-MM-TT")
office-file-not-dates = muss eine Liste von Daten sein
office-file-not-table = muss eine Tabelle sein
office-file-not-tables = muss eine Liste von Tabellen sein ([[…{ $key }]])
office-file-bad-timezone = "{ $tz }" ist kein Name einer IANA-Zeitzone wie "Europe/Berlin"
office-file-bad-state = "{ $code }" ist kein Kürzel eines Bundeslandes ({ $codes })
office-file-not-day-divisor = { $n } teilt einen Tag nicht in gleiche Teile
office-file-arrivals-not-table = muss eine Tabelle sein {"{"} per_minutes = 15, max = 12 {"}"}
office-file-bad-email = "{ $email }" ist keine E-Mail-Adresse
office-file-no-counter = hat keinen Schalter ([[office.counter]])
office-file-prefix-twice = das Ticket-Kürzel "{ $prefix }" hat auch ein anderer Schalter: Setzen Sie ticket_prefix, damit der Wartebereich die Tickets unterscheiden kann
office-file-counter-id-twice = die Kennung des Schalters kommt in diesem Amt zweimal vor
office-file-service-id-twice = die Kennung der Leistung kommt in diesem Amt zweimal vor
office-file-queue-not-table = muss eine Tabelle sein ([office.queue])
office-file-named-twice = { $name } ist zweimal genannt
office-file-bad-desk-name = { $value } ist kein Name eines Platzes (eine Zeile, 1 bis { $max } Zeichen)
office-file-not-desk-list = muss eine Liste von Platznamen sein, z. B. ["1", "2", "Raum 1.12"]
office-file-bad-prefix = "{ $prefix }" muss aus 1 bis 3 Großbuchstaben oder Ziffern bestehen
office-file-not-hour-divisor = { $n } teilt eine Stunde nicht in gleiche Teile
office-file-no-service = hat keine Leistung ([[office.counter.service]])
office-file-online-above-desks = { $online } Plätze online, aber nur { $desks ->
        [one] { $desks } Platz
       *[other] { $desks } Plätze
    }
office-file-window-backwards = das Zeitfenster endet, bevor es beginnt
office-file-off-grid = liegt nicht im { $grid }-Minuten-Raster des Schalters
office-file-until-before-since = liegt vor since
office-file-overlap = überschneidet sich { $day ->
        [mon] montags
        [tue] dienstags
        [wed] mittwochs
        [thu] donnerstags
        [fri] freitags
        [sat] samstags
        [sun] sonntags
       *[other] am { $day }
    } mit { $other }
office-file-exception-half = geben Sie from und to an, oder keines von beiden für den ganzen Tag
office-file-exception-backwards = die Ausnahme endet, bevor sie beginnt
office-file-exception-off-grid = from und to müssen im Raster des Schalters liegen
office-file-not-weekdays = muss eine Liste von Wochentagen sein, z. B. ["mon", "tue"]
office-file-no-day = nennt keinen Tag
office-file-not-weekday = { $value } ist kein Wochentag (mon, tue, wed, thu, fri, sat, sun)
office-file-minutes-off-grid = { $minutes } ist kein Vielfaches des { $grid }-Minuten-Rasters des Schalters

## Fehler, die nur eine Änderung eines Plans machen kann.

plan-keeps-id = ein Amt behält seine Kennung ("{ $id }")
plan-effective-past = liegt in der Vergangenheit: Eine Änderung gilt ab heute oder später
plan-reason-bad = { $reason }: Sagen Sie in einer Zeile mit 1 bis { $max } Zeichen, warum — für die E-Mail an die Bürgerin oder den Bürger
plan-note-too-long = ist eine Zeile mit höchstens { $max } Zeichen
