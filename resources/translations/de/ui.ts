<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Advice</name>
    <message>
        <source>Advice, and when to get help</source>
        <translation>Rat und wann Sie sich Hilfe holen sollten</translation>
    </message>
</context>
<context>
    <name>AppNamesField</name>
    <message>
        <source>for example: zoom, teams, Impress</source>
        <translation>zum Beispiel: zoom, teams, Impress</translation>
    </message>
    <message>
        <source>A name can be at most {count} characters long.</source>
        <translation>Ein Name darf höchstens {count} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>At most {count} names: the first {count} are kept.</source>
        <translation>Höchstens {count} Namen: Die ersten {count} werden übernommen.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Your history could not be read: {why}. Nothing was deleted. SpineCoach will check {path} when it next starts and keep a damaged file aside so it can be recovered.</source>
        <translation>Ihr Verlauf konnte nicht gelesen werden: {why}. Es wurde nichts gelöscht. SpineCoach prüft {path} beim nächsten Start und legt eine beschädigte Datei beiseite, damit sie wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Übungseinheit</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>You made it easier during a session and chose to keep it.</source>
        <translation>Sie haben die Übung während einer Übungseinheit leichter gemacht und das beibehalten.</translation>
    </message>
    <message>
        <source>Tones are off</source>
        <translation>Töne sind aus</translation>
    </message>
    <message>
        <source>SpineCoach could not add itself to your application menu ({why}). To try again: spinecoach --install-desktop-entry</source>
        <translation>SpineCoach konnte sich nicht in Ihr Anwendungsmenü eintragen ({why}). Um es erneut zu versuchen: spinecoach --install-desktop-entry</translation>
    </message>
    <message>
        <source>Tones are silent: {why}.</source>
        <translation>Keine Töne: {why}.</translation>
    </message>
    <message>
        <source>Cues are not spoken: {why}.</source>
        <translation>Keine gesprochenen Ansagen: {why}.</translation>
    </message>
    <message>
        <source>Captions show every cue.</source>
        <translation>Jede Ansage erscheint als Untertitel.</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Edit a check-in</source>
        <translation>Zwischeneintrag bearbeiten</translation>
    </message>
    <message>
        <source>Check-in of {when}</source>
        <translation>Zwischeneintrag vom {when}</translation>
    </message>
    <message>
        <source>How much did your back hurt then?</source>
        <translation>Wie stark hat Ihr Rücken zu diesem Zeitpunkt geschmerzt?</translation>
    </message>
    <message>
        <source>0 means no pain and 10 the worst pain imaginable. Type a number from 0 to 9, or move along the scale with the Left and Right arrow keys.</source>
        <translation>0 bedeutet keine Schmerzen, 10 die stärksten vorstellbaren Schmerzen. Geben Sie eine Zahl von 0 bis 9 ein oder bewegen Sie sich mit den Pfeiltasten links und rechts auf der Skala.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>A note, if you like (what you did, how you slept…)</source>
        <translation>Eine Notiz, wenn Sie möchten (was Sie gemacht haben, wie Sie geschlafen haben …)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>CheckInTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerzwert</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Gefragt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Zwischeneintrag</translation>
    </message>
    <message>
        <source>Next morning</source>
        <translation>Am nächsten Morgen</translation>
    </message>
</context>
<context>
    <name>CountdownRing</name>
    <message>
        <source>Time left {time}</source>
        <translation>Restzeit {time}</translation>
    </message>
    <message>
        <source>Time left {time}, paused</source>
        <translation>Restzeit {time}, angehalten</translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>Tones are silent: {why}.</source>
        <translation>Keine Töne: {why}.</translation>
    </message>
    <message>
        <source>Cues are not spoken: {why}.</source>
        <translation>Keine gesprochenen Ansagen: {why}.</translation>
    </message>
    <message>
        <source>Captions show every cue.</source>
        <translation>Jede Ansage erscheint als Untertitel.</translation>
    </message>
</context>
<context>
    <name>DailyTimeEditor</name>
    <message>
        <source>Remind me at</source>
        <translation>Erinnern um</translation>
    </message>
    <message>
        <source>Daily exercise reminder time</source>
        <translation>Uhrzeit der täglichen Übungserinnerung</translation>
    </message>
    <message>
        <source>if I have not exercised that day</source>
        <translation>falls ich an diesem Tag noch nicht geübt habe</translation>
    </message>
</context>
<context>
    <name>DataFile</name>
    <message>
        <source>SpineCoach cannot open your data</source>
        <translation>SpineCoach kann Ihre Daten nicht öffnen</translation>
    </message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>that path is a file, not a folder</source>
        <translation>dieser Pfad ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>SpineCoach is not allowed to write there (the folder or a folder above it is read-only or belongs to someone else)</source>
        <translation>SpineCoach darf dort nicht schreiben (der Ordner oder ein übergeordneter Ordner ist schreibgeschützt oder gehört jemand anderem)</translation>
    </message>
    <message>
        <source>SpineCoach cannot keep your data in {folder}: {why}. Nothing was changed. Fix the folder&apos;s permissions, or start SpineCoach with another folder: spinecoach --data-dir PATH (or set SPINECOACH_DATA_DIR).</source>
        <translation>SpineCoach kann Ihre Daten nicht in {folder} speichern: {why}. Es wurde nichts verändert. Korrigieren Sie die Berechtigungen des Ordners oder starten Sie SpineCoach mit einem anderen Ordner: spinecoach --data-dir PFAD (oder setzen Sie SPINECOACH_DATA_DIR).</translation>
    </message>
    <message>
        <source>SpineCoach cannot store your data</source>
        <translation>SpineCoach kann Ihre Daten nicht speichern</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>there is no X display (DISPLAY is not set)</source>
        <translation>es gibt keine X-Anzeige (DISPLAY ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>X11 screen saver</source>
        <translation>X11-Bildschirmschoner</translation>
    </message>
    <message>
        <source>the X screen saver extension could not allocate its record</source>
        <translation>die Bildschirmschoner-Erweiterung von X konnte ihren Datensatz nicht anlegen</translation>
    </message>
    <message>
        <source>D-Bus idle monitor</source>
        <translation>D-Bus-Leerlaufüberwachung</translation>
    </message>
    <message>
        <source>no desktop service on the session bus reports idle time (asked GNOME Mutter and org.freedesktop.ScreenSaver)</source>
        <translation>kein Dienst der Arbeitsumgebung meldet auf dem Sitzungsbus die Leerlaufzeit (gefragt: GNOME Mutter und org.freedesktop.ScreenSaver)</translation>
    </message>
    <message>
        <source>Windows last input</source>
        <translation>Letzte Eingabe unter Windows</translation>
    </message>
    <message>
        <source>macOS HID idle time</source>
        <translation>HID-Leerlaufzeit unter macOS</translation>
    </message>
    <message>
        <source>SpineCoach cannot see when you are away ({reasons})</source>
        <translation>SpineCoach kann nicht erkennen, wann Sie nicht am Rechner sind ({reasons})</translation>
    </message>
    <message>
        <source>macOS does not let SpineCoach see full-screen windows or Focus</source>
        <translation>macOS lässt SpineCoach weder Vollbildfenster noch den Fokus-Modus erkennen</translation>
    </message>
    <message>
        <source>X11 full-screen window</source>
        <translation>X11-Vollbildfenster</translation>
    </message>
    <message>
        <source>Windows notification state</source>
        <translation>Benachrichtigungsstatus von Windows</translation>
    </message>
    <message>
        <source>desktop do not disturb (notification server)</source>
        <translation>„Nicht stören“ der Arbeitsumgebung (Benachrichtigungsserver)</translation>
    </message>
    <message>
        <source>the notification server does not publish a do-not-disturb state</source>
        <translation>der Benachrichtigungsserver gibt keinen „Nicht stören“-Zustand bekannt</translation>
    </message>
    <message>
        <source>GNOME do not disturb</source>
        <translation>„Nicht stören“ von GNOME</translation>
    </message>
    <message>
        <source>gsettings is not installed</source>
        <translation>gsettings ist nicht installiert</translation>
    </message>
    <message>
        <source>there is nothing to ask on this desktop</source>
        <translation>in dieser Arbeitsumgebung gibt es nichts abzufragen</translation>
    </message>
    <message>
        <source>Wayland does not let SpineCoach see which window is in front</source>
        <translation>Unter Wayland kann SpineCoach nicht sehen, welches Fenster im Vordergrund ist</translation>
    </message>
    <message>
        <source>SpineCoach cannot yet tell on macOS which window is in front</source>
        <translation>Unter macOS kann SpineCoach noch nicht erkennen, welches Fenster im Vordergrund ist</translation>
    </message>
    <message>
        <source>apps and windows of your choice</source>
        <translation>von Ihnen gewählte Programme und Fenster</translation>
    </message>
    <message>
        <source>nothing on this desktop tells which window is in front</source>
        <translation>auf diesem Desktop lässt sich nicht erfahren, welches Fenster im Vordergrund ist</translation>
    </message>
    <message>
        <source>camera and microphone</source>
        <translation>Kamera und Mikrofon</translation>
    </message>
    <message>
        <source>SpineCoach cannot yet tell on macOS whether the camera or microphone is in use</source>
        <translation>Unter macOS kann SpineCoach noch nicht erkennen, ob Kamera oder Mikrofon benutzt werden</translation>
    </message>
    <message>
        <source>microphone (PulseAudio or PipeWire)</source>
        <translation>Mikrofon (PulseAudio oder PipeWire)</translation>
    </message>
    <message>
        <source>pactl is not installed (Debian: pulseaudio-utils)</source>
        <translation>pactl ist nicht installiert (Debian: pulseaudio-utils)</translation>
    </message>
    <message>
        <source>no sound server answers (PulseAudio or PipeWire)</source>
        <translation>kein Soundserver antwortet (PulseAudio oder PipeWire)</translation>
    </message>
    <message>
        <source>camera (devices held open)</source>
        <translation>Kamera (geöffnete Geräte)</translation>
    </message>
    <message>
        <source>there is no /proc to see which programs use the camera</source>
        <translation>es gibt kein /proc, um zu sehen, welche Programme die Kamera benutzen</translation>
    </message>
    <message>
        <source>Windows camera and microphone use</source>
        <translation>Kamera- und Mikrofonnutzung unter Windows</translation>
    </message>
    <message>
        <source>this is not Windows</source>
        <translation>dies ist kein Windows</translation>
    </message>
    <message>
        <source>this Windows keeps no record of camera and microphone use (Windows 10 version 1903 or later does)</source>
        <translation>dieses Windows zeichnet die Nutzung von Kamera und Mikrofon nicht auf (ab Windows 10 Version 1903 schon)</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Gentle</source>
        <translation>Sanft</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Demanding</source>
        <translation>Anspruchsvoll</translation>
    </message>
    <message>
        <source>lying on your back</source>
        <translation>auf dem Rücken liegend</translation>
    </message>
    <message>
        <source>lying on your front</source>
        <translation>auf dem Bauch liegend</translation>
    </message>
    <message>
        <source>lying on your side</source>
        <translation>auf der Seite liegend</translation>
    </message>
    <message>
        <source>on your hands and knees</source>
        <translation>im Vierfüßlerstand</translation>
    </message>
    <message>
        <source>kneeling</source>
        <translation>kniend</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>stehend</translation>
    </message>
    <message>
        <source>sitting on your chair</source>
        <translation>auf dem Stuhl sitzend</translation>
    </message>
    <message>
        <source>{name}, {position}</source>
        <translation>{name}, {position}</translation>
    </message>
    <message>
        <source>Exercise details</source>
        <translation>Details zur Übung</translation>
    </message>
    <message>
        <source>Read the safety notes</source>
        <translation>Sicherheitshinweise lesen</translation>
    </message>
    <message>
        <source>Easier: {exercise}</source>
        <translation>Leichter: {exercise}</translation>
    </message>
    <message>
        <source>Harder: {exercise}</source>
        <translation>Schwieriger: {exercise}</translation>
    </message>
    <message>
        <source>Open the easier or the harder version of this exercise</source>
        <translation>Die leichtere oder die schwierigere Variante dieser Übung öffnen</translation>
    </message>
    <message>
        <source>Nothing to show: the search and filters leave no routine or exercise.</source>
        <translation>Nichts anzuzeigen: Nach Suche und Filtern bleibt kein Programm und keine Übung übrig.</translation>
    </message>
    <message>
        <source>Pick a routine or an exercise to see how it is done.</source>
        <translation>Wählen Sie ein Programm oder eine Übung, um zu sehen, wie es geht.</translation>
    </message>
    <message>
        <source>Start this exercise</source>
        <translation>Übung starten</translation>
    </message>
    <message>
        <source>Desk-friendly</source>
        <translation>Am Schreibtisch</translation>
    </message>
    <message>
        <source>{dosage}  ·  about {duration}</source>
        <translation>{dosage}  ·  etwa {duration}</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>So geht es</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>Part of these routines</source>
        <translation>Enthalten in diesen Programmen</translation>
    </message>
    <message>
        <source>Start routine</source>
        <translation>Programm starten</translation>
    </message>
    <message>
        <source>{duration} in all</source>
        <translation>{duration} insgesamt</translation>
    </message>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Boden</translation>
    </message>
    <message>
        <source>What you will do</source>
        <translation>Das erwartet Sie</translation>
    </message>
    <message>
        <source>Picture of {what}</source>
        <translation>Bild: {what}</translation>
    </message>
    <message>
        <source>{exercise} of exercise and {between} to get ready and move on between exercises.</source>
        <translation>{exercise} Übungszeit und {between} zum Vorbereiten und für die Wechsel zwischen den Übungen.</translation>
    </message>
    <message>
        <source>How-to</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Part of this routine is on the floor. The player waits for you to get down and up again: press Start when you are in position.</source>
        <translation>Ein Teil dieses Programms findet auf dem Boden statt. Die Übungseinheit wartet, während Sie sich hinlegen und wieder aufstehen: Drücken Sie auf Start, sobald Sie in Position sind.</translation>
    </message>
    <message>
        <source>To get down to the floor and up without twisting, see {guide}.</source>
        <translation>Wie Sie ohne Verdrehen auf den Boden und wieder hochkommen, zeigt die Anleitung {guide}.</translation>
    </message>
    <message>
        <source>On a bed, see {guide}.</source>
        <translation>Für das Bett gibt es die Anleitung {guide}.</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Bitte beachten</translation>
    </message>
    <message>
        <source>Source: {sources}</source>
        <translation>Quelle: {sources}</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>Quellen: {sources}</translation>
    </message>
    <message>
        <source>Play it in the session player (or double-click it in the list)</source>
        <translation>In der Übungsanzeige starten (oder in der Liste doppelklicken)</translation>
    </message>
    <message>
        <source>Illustration of {what}</source>
        <translation>Abbildung: {what}</translation>
    </message>
    <message>
        <source>Stop if an exercise makes your pain worse, or sends pain, numbness or tingling down a leg.</source>
        <translation>Brechen Sie eine Übung ab, wenn sie Ihre Schmerzen verstärkt oder Schmerzen, ein Taubheitsgefühl oder Kribbeln ins Bein ausstrahlen lässt.</translation>
    </message>
    <message>
        <source>SpineCoach is a self-management aid, not a diagnosis or a treatment. &lt;a href=&quot;safety&quot;&gt;Read the safety notes and red-flag symptoms&lt;/a&gt;.</source>
        <translation>SpineCoach ist eine Hilfe zur Selbsthilfe, keine Diagnose und keine Behandlung. &lt;a href=&quot;safety&quot;&gt;Sicherheitshinweise und Warnzeichen lesen&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>DirectionsQuestion</name>
    <message>
        <source>Which movements make your pain worse?</source>
        <translation>Welche Bewegungen verstärken Ihre Schmerzen?</translation>
    </message>
    <message>
        <source>If some movements make your pain worse, SpineCoach can mark the exercises that ask for them. This is optional: you can change it at any time in Settings, under Sessions.</source>
        <translation>Wenn bestimmte Bewegungen Ihre Schmerzen verstärken, kann SpineCoach die Übungen kennzeichnen, die diese Bewegungen verlangen. Das ist freiwillig: Sie können es jederzeit in den Einstellungen unter „Übungseinheiten“ ändern.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>EasierKeeper</name>
    <message>
        <source>{name} (easier)</source>
        <translation>{name} (leichter)</translation>
    </message>
</context>
<context>
    <name>EasierQuestion</name>
    <message>
        <source>Make it easier</source>
        <translation>Leichter machen</translation>
    </message>
    <message>
        <source>For the rest of this session you do {easier} instead of {exercise}.</source>
        <translation>Für den Rest dieser Übungseinheit machen Sie „{easier}“ statt „{exercise}“.</translation>
    </message>
    <message>
        <source>Your programme stays as your physiotherapist prescribed it. If {easier} suits you better, ask your physiotherapist at your next appointment.</source>
        <translation>Ihr Übungsplan bleibt so, wie er physiotherapeutisch verordnet wurde. Wenn „{easier}“ besser zu Ihnen passt, sprechen Sie es beim nächsten Termin in Ihrer Physiotherapie an.</translation>
    </message>
    <message>
        <source>Use the easier version from now on?</source>
        <translation>Die leichtere Variante ab jetzt verwenden?</translation>
    </message>
    <message>
        <source>For the rest of this session you do {easier} instead of {exercise}. Use {easier} in this routine from now on too?</source>
        <translation>Für den Rest dieser Übungseinheit machen Sie „{easier}“ statt „{exercise}“. Möchten Sie „{easier}“ auch künftig in diesem Programm verwenden?</translation>
    </message>
    <message>
        <source>Your own copy of the routine is saved with it; the original stays in the Library.</source>
        <translation>Dafür wird eine eigene Kopie des Programms gespeichert; das Original bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Use it from now on</source>
        <translation>Ab jetzt verwenden</translation>
    </message>
    <message>
        <source>Only this time</source>
        <translation>Nur dieses Mal</translation>
    </message>
</context>
<context>
    <name>ExercisePicker</name>
    <message>
        <source>Add an exercise</source>
        <translation>Übung hinzufügen</translation>
    </message>
    <message>
        <source>Search the exercises</source>
        <translation>Übungen durchsuchen</translation>
    </message>
    <message>
        <source>Search by name, body area or step…</source>
        <translation>Nach Name, Körperbereich oder Schritt suchen …</translation>
    </message>
    <message>
        <source>Desk-friendly only</source>
        <translation>Nur am Schreibtisch</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>No exercise matches. Try other words or clear a filter.</source>
        <translation>Keine Übung passt. Versuchen Sie andere Wörter oder setzen Sie einen Filter zurück.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Add to the routine</source>
        <translation>Zum Programm hinzufügen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Added {exercise}.</source>
        <translation>„{exercise}“ hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>FallbackVoice</name>
    <message>
        <source>the speech library could not be loaded (on Debian or Ubuntu: sudo apt install libpulse0)</source>
        <translation>die Sprachbibliothek ließ sich nicht laden (unter Debian oder Ubuntu: sudo apt install libpulse0)</translation>
    </message>
    <message>
        <source>no speech engine here has a voice for {language} (on Debian or Ubuntu, espeak-ng speaks most languages: sudo apt install speech-dispatcher espeak-ng)</source>
        <translation>keine Sprachausgabe auf diesem Rechner hat eine Stimme für {language} (unter Debian oder Ubuntu spricht espeak-ng die meisten Sprachen: sudo apt install speech-dispatcher espeak-ng)</translation>
    </message>
    <message>
        <source>no speech engine is installed (on Debian or Ubuntu: sudo apt install speech-dispatcher espeak-ng)</source>
        <translation>es ist keine Sprachausgabe installiert (unter Debian oder Ubuntu: sudo apt install speech-dispatcher espeak-ng)</translation>
    </message>
    <message>
        <source>no speech engine could be started (installed: {engines})</source>
        <translation>keine Sprachausgabe ließ sich starten (installiert: {engines})</translation>
    </message>
</context>
<context>
    <name>HistoryArea</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>The session was not deleted</source>
        <translation>Die Übungseinheit wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Deleted “{routine}” of {when}.</source>
        <translation>Übungseinheit „{routine}“ vom {when} gelöscht.</translation>
    </message>
    <message>
        <source>The session could not be brought back yet</source>
        <translation>Die Übungseinheit konnte noch nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The check-in was not changed</source>
        <translation>Der Zwischeneintrag wurde nicht geändert</translation>
    </message>
    <message>
        <source>The check-in could not be changed back yet</source>
        <translation>Der Zwischeneintrag konnte noch nicht zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Check-in of {when} changed: pain {before} → {after}.</source>
        <translation>Zwischeneintrag vom {when} geändert: Schmerzwert {before} → {after}.</translation>
    </message>
    <message>
        <source>The check-in was not deleted</source>
        <translation>Der Zwischeneintrag wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>The check-in could not be brought back yet</source>
        <translation>Der Zwischeneintrag konnte noch nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Deleted the check-in of {when}.</source>
        <translation>Zwischeneintrag vom {when} gelöscht.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Es wurde nichts geändert</translation>
    </message>
    <message>
        <source>{what}: {problem}. Nothing was changed.</source>
        <translation>{what}: {problem}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it with the new report?</source>
        <translation>{name} ist bereits vorhanden. Durch den neuen Bericht ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep the old file</source>
        <translation>Alte Datei behalten</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written. Save it again to choose.</source>
        <translation>{path} ist bereits vorhanden; es wurde nichts geschrieben. Speichern Sie erneut, um einen anderen Namen zu wählen oder die Datei zu ersetzen.</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>Bericht gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Export your history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Nothing exported</source>
        <translation>Nichts exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Übungseinheit</numerusform>
            <numerusform>%n Übungseinheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain score(s)</source>
        <translation>
            <numerusform>%n Schmerzwert</numerusform>
            <numerusform>%n Schmerzwerte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “this hurts” answer(s)</source>
        <translation>
            <numerusform>%n Antwort „Das tut weh“</numerusform>
            <numerusform>%n Antworten „Das tut weh“</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported {sessions}, {pain_scores} and {hurts} to {path}.</source>
        <translation>Exportiert nach {path}: {sessions}, {pain_scores} und {hurts}.</translation>
    </message>
    <message>
        <source>Exported {sessions} and {pain_scores} to {path}.</source>
        <translation>Exportiert nach {path}: {sessions} und {pain_scores}.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s).</source>
        <translation>
            <numerusform>%n Zeile importiert.</numerusform>
            <numerusform>%n Zeilen importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>%n Zeile importiert</numerusform>
            <numerusform>%n Zeilen importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already here skipped</source>
        <translation>
            <numerusform>%n bereits vorhandene Zeile übersprungen</numerusform>
            <numerusform>%n bereits vorhandene Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{imported}; {skipped}.</source>
        <translation>{imported}; {skipped}.</translation>
    </message>
    <message>
        <source>Import a history</source>
        <translation>Verlauf importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>in a meeting</source>
        <translation>in einer Besprechung</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>keine Zeit</translation>
    </message>
    <message>
        <source>in pain</source>
        <translation>Schmerzen</translation>
    </message>
    <message>
        <source>Improving</source>
        <translation>Bessert sich</translation>
    </message>
    <message>
        <source>pain is coming down week by week</source>
        <translation>die Schmerzen gehen von Woche zu Woche zurück</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>Gleichbleibend</translation>
    </message>
    <message>
        <source>about the same from week to week</source>
        <translation>von Woche zu Woche etwa gleich</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>Steigend</translation>
    </message>
    <message>
        <source>pain has been going up; consider a gentler routine</source>
        <translation>die Schmerzen haben zugenommen; vielleicht passt ein sanfteres Programm besser</translation>
    </message>
    <message>
        <source>Not enough data yet</source>
        <translation>Noch zu wenige Daten</translation>
    </message>
    <message>
        <source>needs three weeks with scores</source>
        <translation>braucht drei Wochen mit Schmerzwerten</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Daily exercise reminder shown</source>
        <translation>Tägliche Übungserinnerung angezeigt</translation>
    </message>
    <message>
        <source>Stand-up reminder shown</source>
        <translation>Erinnerung zum Aufstehen angezeigt</translation>
    </message>
    <message>
        <source>Snoozed for {minutes} min</source>
        <translation>Um {minutes} Min. aufgeschoben</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Aufgeschoben</translation>
    </message>
    <message>
        <source>Snooze refused: snoozed three times in a row</source>
        <translation>„Später“ nicht möglich: dreimal hintereinander aufgeschoben</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Skipped: {reason}</source>
        <translation>Übersprungen: {reason}</translation>
    </message>
    <message>
        <source>Desk break started</source>
        <translation>Schreibtischpause gestartet</translation>
    </message>
    <message>
        <source>Closed: back from time away from the desk</source>
        <translation>Geschlossen: nach einer Pause abseits vom Schreibtisch</translation>
    </message>
    <message>
        <source>Closed: chose a routine</source>
        <translation>Geschlossen: Programm gewählt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>goal reached</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>weekly goal</source>
        <translation>Wochenziel</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>in a row</source>
        <translation>in Folge</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>of exercise</source>
        <translation>geübt</translation>
    </message>
    <message>
        <source>needs before and after scores</source>
        <translation>braucht Schmerzwerte vor und nach der Einheit</translation>
    </message>
    <message numerus="yes">
        <source>after minus before, last %n</source>
        <translation>
            <numerusform>nachher minus vorher, letzte Einheit</numerusform>
            <numerusform>nachher minus vorher, letzte %n Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n weitere)</numerusform>
            <numerusform>(+%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} {more}</source>
        <translation>{first} {more}</translation>
    </message>
    <message>
        <source>{done} of {total} (incomplete)</source>
        <translation>{done} von {total} (unvollständig)</translation>
    </message>
    <message>
        <source>{done} of {total} (stopped)</source>
        <translation>{done} von {total} (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>HistoryDates</name>
    <message>
        <source>ddd dd MMM yyyy</source>
        <comment>Qt date format (ddd: weekday, dd: day, MMM: month, short names from the locale) of the session log and the chart&apos;s details</comment>
        <translation>ddd, dd.MM.yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <comment>Qt date format (ddd: weekday, dd: day, MMM: month) of a deleted session, without its year</comment>
        <translation>ddd, dd.MM.</translation>
    </message>
    <message>
        <source>dd MMMM yyyy</source>
        <comment>Qt date format (dd: day, MMMM: the month&apos;s full name, yyyy: year) of the report</comment>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <comment>a date followed by a time of day</comment>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>d</source>
        <comment>Qt date format of a day (d: day of the month) on the chart&apos;s time axis; the month is written under the first day and each new month</comment>
        <translation>d.</translation>
    </message>
    <message>
        <source>ddd d</source>
        <comment>Qt date format (ddd: weekday, d: day of the month) of a day on the chart&apos;s time axis; the month is written under the first day and each new month</comment>
        <translation>ddd d.</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month&apos;s short name and its year, under a day on the chart&apos;s time axis</comment>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Sessions this week</source>
        <translation>Einheiten in dieser Woche</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Minutes this week</source>
        <translation>Minuten in dieser Woche</translation>
    </message>
    <message>
        <source>Pain change per session</source>
        <translation>Schmerzveränderung je Einheit</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Wochentrend</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Einheiten pro Woche</translation>
    </message>
    <message>
        <source>Show how many sessions you did each week behind the scores</source>
        <translation>Zeigt hinter den Schmerzwerten, wie viele Übungseinheiten Sie pro Woche gemacht haben</translation>
    </message>
    <message>
        <source>Log pain now</source>
        <translation>Schmerzen jetzt eintragen</translation>
    </message>
    <message>
        <source>Record how your back feels, without a session</source>
        <translation>Halten Sie fest, wie sich Ihr Rücken anfühlt – ohne Übungseinheit</translation>
    </message>
    <message>
        <source>No pain scores yet. They appear here after your first session or check-in.</source>
        <translation>Noch keine Schmerzwerte. Sie erscheinen hier nach Ihrer ersten Übungseinheit oder Ihrem ersten Zwischeneintrag.</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>Übungsprotokoll</translation>
    </message>
    <message>
        <source>Repeat this routine</source>
        <translation>Programm wiederholen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren …</translation>
    </message>
    <message>
        <source>Report for my clinician (PDF)…</source>
        <translation>Bericht für die Praxis (PDF) …</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Zwischeneinträge</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Correct the score or the note</source>
        <translation>Schmerzwert oder Notiz korrigieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Reminder log</source>
        <translation>Erinnerungsprotokoll</translation>
    </message>
    <message>
        <source>Changes to the exercises</source>
        <translation>Änderungen an den Übungen</translation>
    </message>
    <message>
        <source>No changes in this period. After a session SpineCoach may suggest one, with its reason; nothing changes unless you choose it.</source>
        <translation>Keine Änderungen in diesem Zeitraum. Nach einer Übungseinheit schlägt SpineCoach manchmal eine Änderung vor und nennt den Grund dafür; geändert wird nur, wenn Sie es so wählen.</translation>
    </message>
    <message>
        <source>No check-ins in this period. “Log pain now” adds one at any time.</source>
        <translation>Keine Zwischeneinträge in diesem Zeitraum. Mit „Schmerzen jetzt eintragen“ können Sie jederzeit einen hinzufügen.</translation>
    </message>
    <message>
        <source>No reminders in this period. Stand-up reminders are set in Settings.</source>
        <translation>Keine Erinnerungen in diesem Zeitraum. Erinnerungen zum Aufstehen richten Sie in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Übungseinheiten</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Übungsplan</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
</context>
<context>
    <name>HurtsDialog</name>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>The session is paused</source>
        <translation>Die Übungseinheit ist angehalten</translation>
    </message>
    <message>
        <source>“{exercise}” hurts. What would you like to do?</source>
        <translation>„{exercise}“ tut weh. Wie möchten Sie weitermachen?</translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation>Übung überspringen</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>Carry on gently</source>
        <translation>Behutsam weitermachen</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a history</source>
        <translation>Verlauf importieren</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Zeilen, die nicht importiert werden können</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported and will be left out:</source>
        <translation>
            <numerusform>%n Zeile kann nicht importiert werden und wird ausgelassen:</numerusform>
            <numerusform>%n Zeilen können nicht importiert werden und werden ausgelassen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>%n Zeile importieren</numerusform>
            <numerusform>%n Zeilen importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Übungseinheit</numerusform>
            <numerusform>%n Übungseinheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain score(s)</source>
        <translation>
            <numerusform>%n Schmerzwert</numerusform>
            <numerusform>%n Schmerzwerte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “this hurts” answer(s)</source>
        <translation>
            <numerusform>%n Antwort „Das tut weh“</numerusform>
            <numerusform>%n Antworten „Das tut weh“</numerusform>
        </translation>
    </message>
    <message>
        <source>{sessions}, {pain_scores} and {hurts} can be imported.</source>
        <translation>Importiert werden können: {sessions}, {pain_scores} und {hurts}.</translation>
    </message>
    <message>
        <source>{sessions} and {pain_scores} can be imported.</source>
        <translation>Importiert werden können: {sessions} und {pain_scores}.</translation>
    </message>
    <message>
        <source>{found} Entries already in SpineCoach are recognised and skipped.</source>
        <translation>{found} Einträge, die schon in SpineCoach vorhanden sind, werden erkannt und übersprungen.</translation>
    </message>
</context>
<context>
    <name>InPainDialog</name>
    <message>
        <source>Sorry your back hurts</source>
        <translation>Gute Besserung für Ihren Rücken</translation>
    </message>
    <message>
        <source>Log pain now…</source>
        <translation>Schmerzen jetzt eintragen …</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcutsDialog</name>
    <message>
        <source>The tray icon, or its menu</source>
        <translation>Das Symbol im Infobereich oder sein Menü</translation>
    </message>
    <message>
        <source>Answer the reminder: the card gets the keyboard (it never takes it by itself)</source>
        <translation>Auf die Erinnerung antworten: Die Karte erhält den Tastaturfokus (von selbst nimmt sie ihn nie)</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Move between the card&apos;s buttons</source>
        <translation>Zwischen den Schaltflächen der Karte wechseln</translation>
    </message>
    <message>
        <source>Enter or Space</source>
        <translation>Eingabetaste oder Leertaste</translation>
    </message>
    <message>
        <source>Press the button</source>
        <translation>Die Schaltfläche drücken</translation>
    </message>
    <message>
        <source>Down arrow on Snooze or Skip</source>
        <translation>Pfeil nach unten auf „Später“ oder „Überspringen“</translation>
    </message>
    <message>
        <source>Choose how long to snooze, or why you skip</source>
        <translation>Wählen, wann erneut erinnert wird oder warum Sie überspringen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation>Die Karte schließen</translation>
    </message>
    <message>
        <source>The notification&apos;s buttons</source>
        <translation>Die Schaltflächen der Benachrichtigung</translation>
    </message>
    <message>
        <source>Start desk break, Snooze or Skip from the desktop&apos;s notification list, where the desktop shows buttons (GNOME: Super+V opens it)</source>
        <translation>In der Benachrichtigungsliste „Schreibtischpause starten“, „Später“ oder „Überspringen“ wählen, sofern die Arbeitsumgebung dort Schaltflächen zeigt (GNOME: Super+V öffnet die Liste)</translation>
    </message>
    <message>
        <source>Move to the next or the previous control</source>
        <translation>Zum nächsten oder vorigen Bedienelement wechseln</translation>
    </message>
    <message>
        <source>Space or Enter</source>
        <translation>Leertaste oder Eingabetaste</translation>
    </message>
    <message>
        <source>Press the focused button; Space also ticks a box</source>
        <translation>Die Schaltfläche mit dem Fokus drücken; die Leertaste setzt oder entfernt auch ein Häkchen</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Move within a list, a row of choices or the pain scale</source>
        <translation>Sich in einer Liste, einer Reihe von Auswahlmöglichkeiten oder auf der Schmerzskala bewegen</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Open the menu bar, then the arrow keys and Enter</source>
        <translation>Die Menüleiste öffnen, dann weiter mit den Pfeiltasten und der Eingabetaste</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Down arrow or Enter in the search box</source>
        <translation>Pfeil nach unten oder Eingabetaste im Suchfeld</translation>
    </message>
    <message>
        <source>Go to the results, on the best match</source>
        <translation>Zu den Ergebnissen wechseln, direkt auf den besten Treffer</translation>
    </message>
    <message>
        <source>Up arrow on the first result</source>
        <translation>Pfeil nach oben auf dem ersten Ergebnis</translation>
    </message>
    <message>
        <source>Back to the search box</source>
        <translation>Zurück zum Suchfeld</translation>
    </message>
    <message>
        <source>Up and Down arrows</source>
        <translation>Pfeil nach oben und unten</translation>
    </message>
    <message>
        <source>Choose a routine or an exercise in the list</source>
        <translation>Ein Programm oder eine Übung in der Liste auswählen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Start the routine or exercise chosen</source>
        <translation>Das ausgewählte Programm oder die ausgewählte Übung starten</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <source>Bring back the routine you just deleted</source>
        <translation>Das gerade gelöschte Programm zurückholen</translation>
    </message>
    <message>
        <source>Alt+Up, Alt+Down in the routine editor</source>
        <translation>Alt+Pfeil nach oben/unten im Programm-Editor</translation>
    </message>
    <message>
        <source>Move the chosen exercise up or down</source>
        <translation>Die gewählte Übung nach oben oder unten verschieben</translation>
    </message>
    <message>
        <source>Space on a player button</source>
        <translation>Leertaste auf einer Schaltfläche der Übungsanzeige</translation>
    </message>
    <message>
        <source>Presses that button, like Enter</source>
        <translation>Drückt diese Schaltfläche, wie die Eingabetaste</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Everything in SpineCoach can be done from the keyboard. While a session runs, its keys work anywhere in the window, except that letters type in a text box.</source>
        <translation>Alles in SpineCoach lässt sich mit der Tastatur bedienen. Während einer Übungseinheit wirken ihre Tasten überall im Fenster – nur in einem Textfeld schreiben Buchstaben Text.</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>During a session, anywhere in the window</source>
        <translation>Während einer Übungseinheit, überall im Fenster</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>The pain question</source>
        <translation>Die Frage nach den Schmerzen</translation>
    </message>
    <message>
        <source>A reminder card</source>
        <translation>Eine Erinnerungskarte</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Was sie bewirken</translation>
    </message>
</context>
<context>
    <name>LibraryFilters</name>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Alle Positionen</translation>
    </message>
    <message>
        <source>Kind of exercise</source>
        <translation>Art der Übung</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Alle Arten</translation>
    </message>
</context>
<context>
    <name>LibraryListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Eigenes</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schreibtisch</translation>
    </message>
    <message>
        <source>Your programme</source>
        <translation>Ihr Übungsplan</translation>
    </message>
    <message>
        <source>{programme} · {count}</source>
        <translation>{programme} · {count}</translation>
    </message>
    <message>
        <source>Your routines · {count}</source>
        <translation>Ihre Programme · {count}</translation>
    </message>
    <message>
        <source>Routines · {count}</source>
        <translation>Programme · {count}</translation>
    </message>
    <message>
        <source>Exercises · {count}</source>
        <translation>Übungen · {count}</translation>
    </message>
    <message>
        <source>Mentioned in the steps · {count}</source>
        <translation>In den Schritten erwähnt · {count}</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Boden</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Search by name, body area or step…</source>
        <translation>Nach Name, Körperbereich oder Schritt suchen …</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Höchstdauer</translation>
    </message>
    <message>
        <source>Any length</source>
        <translation>Beliebige Dauer</translation>
    </message>
    <message>
        <source>Up to {duration}</source>
        <translation>Bis {duration}</translation>
    </message>
    <message>
        <source>Desk-friendly only</source>
        <translation>Nur am Schreibtisch</translation>
    </message>
    <message>
        <source>Only what you can do beside your desk, without the floor</source>
        <translation>Nur, was Sie neben dem Schreibtisch machen können, ohne auf den Boden zu gehen</translation>
    </message>
    <message>
        <source>Routines and exercises</source>
        <translation>Programme und Übungen</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>Build a routine of your own from the exercises</source>
        <translation>Ein eigenes Programm aus den Übungen zusammenstellen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate the routine</source>
        <translation>Programm duplizieren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the routine</source>
        <translation>Programm löschen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export the routine to a file</source>
        <translation>Das Programm in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Save the routine as a programme file, to keep or to share</source>
        <translation>Das Programm als Übungsplan-Datei speichern, zum Aufbewahren oder Weitergeben</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <source>Ease…</source>
        <translation>Erleichtern …</translation>
    </message>
    <message>
        <source>Ease the routine</source>
        <translation>Programm erleichtern</translation>
    </message>
    <message>
        <source>Do less of a locked routine: never more than prescribed</source>
        <translation>Weniger von einem festgelegten Programm machen: nie mehr als verordnet</translation>
    </message>
    <message>
        <source>Edit the routine</source>
        <translation>Programm bearbeiten</translation>
    </message>
    <message>
        <source>Editing makes your own copy; this routine stays as it is</source>
        <translation>Beim Bearbeiten entsteht eine eigene Kopie; dieses Programm bleibt unverändert</translation>
    </message>
    <message numerus="yes">
        <source>%n library file(s) could not be loaded and (was|were) skipped. Everything else works.</source>
        <translation>
            <numerusform>%n Bibliotheksdatei konnte nicht geladen werden und wurde übersprungen. Alles andere funktioniert.</numerusform>
            <numerusform>%n Bibliotheksdateien konnten nicht geladen werden und wurden übersprungen. Alles andere funktioniert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Übungseinheit</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Pause or carry on</source>
        <translation>&amp;Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Pause the session, or carry on</source>
        <translation>Die Übungseinheit anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation>Pfeil nach links</translation>
    </message>
    <message>
        <source>&amp;Skip this part</source>
        <translation>Diesen Abschnitt ü&amp;berspringen</translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation>Pfeil nach rechts</translation>
    </message>
    <message>
        <source>Skip this part (a hold, a rest…)</source>
        <translation>Diesen Abschnitt überspringen (Halten, Pause …)</translation>
    </message>
    <message>
        <source>&amp;Next exercise</source>
        <translation>&amp;Nächste Übung</translation>
    </message>
    <message>
        <source>N or Ctrl+Right arrow</source>
        <translation>N oder Strg+Pfeil nach rechts</translation>
    </message>
    <message>
        <source>&amp;Add 15 seconds</source>
        <translation>Um 15 Sekunden &amp;verlängern</translation>
    </message>
    <message>
        <source>+ or =</source>
        <translation>+ oder =</translation>
    </message>
    <message>
        <source>&amp;Make it easier</source>
        <translation>&amp;Leichter machen</translation>
    </message>
    <message>
        <source>Do the easier version of this exercise for the rest of the session</source>
        <translation>Für den Rest der Übungseinheit die leichtere Variante dieser Übung machen</translation>
    </message>
    <message>
        <source>This &amp;hurts…</source>
        <translation>Das tut &amp;weh …</translation>
    </message>
    <message>
        <source>Pause and choose: skip this exercise, end the session or carry on gently</source>
        <translation>Anhalten und wählen: diese Übung überspringen, die Übungseinheit beenden oder behutsam weitermachen</translation>
    </message>
    <message>
        <source>&amp;Focus mode</source>
        <translation>&amp;Fokusmodus</translation>
    </message>
    <message>
        <source>Only the phase, the countdown and the step, full screen (again to leave)</source>
        <translation>Nur Phase, Countdown und Schritt, im Vollbild (noch einmal zum Verlassen)</translation>
    </message>
    <message>
        <source>&amp;End the session…</source>
        <translation>Übungseinheit b&amp;eenden …</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Leave focus mode; otherwise end the session (asks first; closes a finished one)</source>
        <translation>Den Fokusmodus verlassen, sonst die Übungseinheit beenden (mit Rückfrage; eine abgeschlossene wird geschlossen)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>SpineCoach logo</source>
        <translation>SpineCoach-Logo</translation>
    </message>
    <message>
        <source>{area} ({keys})</source>
        <translation>{area} ({keys})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open programme…</source>
        <translation>Übungsplan ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Export programme…</source>
        <translation>Übungsplan e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Log pain now…</source>
        <translation>&amp;Schmerzen jetzt eintragen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Back a part</source>
        <translation>Einen Abschnitt &amp;zurück</translation>
    </message>
    <message>
        <source>Start this part again; near its start, go back to the part before</source>
        <translation>Diesen Abschnitt neu beginnen; kurz nach seinem Beginn zum vorigen Abschnitt zurück</translation>
    </message>
    <message>
        <source>P&amp;revious exercise</source>
        <translation>Vo&amp;rherige Übung</translation>
    </message>
    <message>
        <source>P or Ctrl+Left arrow</source>
        <translation>P oder Strg+Pfeil nach links</translation>
    </message>
    <message>
        <source>Go to the start of the exercise before this one</source>
        <translation>Zum Anfang der vorherigen Übung</translation>
    </message>
    <message>
        <source>Leave this exercise (kept as skipped, not done) and go on to the next</source>
        <translation>Diese Übung verlassen (gilt als übersprungen, nicht als erledigt) und mit der nächsten weitermachen</translation>
    </message>
    <message>
        <source>Add 15 seconds to a hold, a timed exercise or the time to get ready</source>
        <translation>Das Halten, eine Übung auf Zeit oder die Vorbereitungszeit um 15 Sekunden verlängern</translation>
    </message>
    <message>
        <source>Session s&amp;ound and timing…</source>
        <translation>&amp;Ton und Zeiten der Übungseinheit …</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>Ü&amp;bungseinheit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Safety notes…</source>
        <translation>&amp;Sicherheitshinweise …</translation>
    </message>
    <message>
        <source>&amp;About SpineCoach</source>
        <translation>Ü&amp;ber SpineCoach</translation>
    </message>
    <message>
        <source>About SpineCoach</source>
        <translation>Über SpineCoach</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SpineCoach {version}&lt;/h3&gt;&lt;p&gt;Short, gentle exercise sessions for people with back pain.&lt;/p&gt;&lt;p&gt;A self-management aid: it does not diagnose, treat or cure any condition.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SpineCoach {version}&lt;/h3&gt;&lt;p&gt;Kurze, sanfte Übungseinheiten für Menschen mit Rückenschmerzen.&lt;/p&gt;&lt;p&gt;Eine Hilfe zur Selbsthilfe: SpineCoach stellt keine Diagnosen und behandelt oder heilt keine Erkrankung.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MenuEntryOffer</name>
    <message>
        <source>Add SpineCoach to your menu?</source>
        <translation>SpineCoach ins Anwendungsmenü aufnehmen?</translation>
    </message>
    <message>
        <source>SpineCoach is not in your application menu yet. Add it there, with its icon, so you can start it like your other apps?</source>
        <translation>SpineCoach steht noch nicht in Ihrem Anwendungsmenü. Soll es dort mit seinem Symbol eingetragen werden, damit Sie es wie Ihre anderen Anwendungen starten können?</translation>
    </message>
    <message>
        <source>&lt;p&gt;SpineCoach asks only once. To add it later, run &lt;nobr&gt;spinecoach --install-desktop-entry&lt;/nobr&gt; in a terminal.&lt;/p&gt;</source>
        <translation>&lt;p&gt;SpineCoach fragt nur dieses eine Mal. Um es später einzutragen, führen Sie &lt;nobr&gt;spinecoach --install-desktop-entry&lt;/nobr&gt; in einem Terminal aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>SpineCoach is in your menu</source>
        <translation>SpineCoach steht im Menü</translation>
    </message>
    <message>
        <source>SpineCoach is now in your application menu. It may take a moment to appear there.</source>
        <translation>SpineCoach steht jetzt in Ihrem Anwendungsmenü. Es kann einen Moment dauern, bis es dort erscheint.</translation>
    </message>
    <message>
        <source>Add to menu</source>
        <translation>Ins Menü aufnehmen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>MovementChoices</name>
    <message>
        <source>Bending forward</source>
        <translation>Vorbeugen</translation>
    </message>
    <message>
        <source>Bending back</source>
        <translation>Zurückbeugen</translation>
    </message>
    <message>
        <source>Twisting</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Bending to the side</source>
        <translation>Seitneigen</translation>
    </message>
    <message>
        <source>Holding my back still</source>
        <translation>Den Rücken stillhalten</translation>
    </message>
    <message>
        <source>Which movements make your pain worse?</source>
        <translation>Welche Bewegungen verstärken Ihre Schmerzen?</translation>
    </message>
    <message>
        <source>The Library marks exercises that ask for them; the player warns before one.</source>
        <translation>Die Bibliothek kennzeichnet Übungen, die diese Bewegungen verlangen; die Übungsanzeige weist vor einer solchen Übung darauf hin.</translation>
    </message>
</context>
<context>
    <name>NextMorningDialog</name>
    <message>
        <source>This morning</source>
        <translation>Heute Morgen</translation>
    </message>
    <message>
        <source>How is your back this morning compared with before yesterday&apos;s session?</source>
        <translation>Wie geht es Ihrem Rücken heute Morgen im Vergleich zu vor der gestrigen Übungseinheit?</translation>
    </message>
    <message>
        <source>How is your back this morning compared with before your session on {day}?</source>
        <translation>Wie geht es Ihrem Rücken heute Morgen im Vergleich zu vor Ihrer Übungseinheit am {day}?</translation>
    </message>
    <message>
        <source>Before that session you gave your back {score} out of 10.</source>
        <translation>Vor dieser Übungseinheit haben Sie Ihrem Rücken {score} von 10 gegeben.</translation>
    </message>
    <message>
        <source>Answer with your pain now, from 0 to 10. You can skip this question.</source>
        <translation>Geben Sie Ihre Schmerzen jetzt an, von 0 bis 10. Sie können diese Frage auch überspringen.</translation>
    </message>
</context>
<context>
    <name>NoteCounter</name>
    <message>
        <source>A note can be up to {limit} characters long</source>
        <translation>Eine Notiz darf bis zu {limit} Zeichen lang sein</translation>
    </message>
    <message>
        <source>{used} of {limit} characters used</source>
        <translation>{used} von {limit} Zeichen verwendet</translation>
    </message>
</context>
<context>
    <name>NothingFoundPage</name>
    <message>
        <source>Clear the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Words that find something:</source>
        <translation>Suchbegriffe mit Treffern:</translation>
    </message>
    <message>
        <source>Search for {words}</source>
        <translation>Nach {words} suchen</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>Keine Treffer für „{text}“.</translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Keine Treffer mit diesen Filtern.</translation>
    </message>
    <message>
        <source>SpineCoach has no exercises for this: read the advice beside the list.</source>
        <translation>SpineCoach hat hierfür keine Übungen: Bitte lesen Sie die Hinweise neben der Liste.</translation>
    </message>
    <message numerus="yes">
        <source>%n routine(s) or exercise(s) match the words but not the filters.</source>
        <translation>
            <numerusform>Ein Programm oder eine Übung passt zu den Suchwörtern, aber nicht zu den Filtern.</numerusform>
            <numerusform>%n Programme oder Übungen passen zu den Suchwörtern, aber nicht zu den Filtern.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{word}”</source>
        <translation>„{word}“</translation>
    </message>
    <message numerus="yes">
        <source>Nothing mentions {words}: try without them.</source>
        <translation>
            <numerusform>Kein Treffer für {words}: Versuchen Sie es ohne dieses Wort.</numerusform>
            <numerusform>Kein Treffer für {words}: Versuchen Sie es ohne diese Wörter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try fewer words, a body area, or what you would like to ease.</source>
        <translation>Versuchen Sie es mit weniger Wörtern, einem Körperbereich oder dem, was Sie lindern möchten.</translation>
    </message>
</context>
<context>
    <name>OwnRoutines</name>
    <message>
        <source>{name} (eased)</source>
        <translation>{name} (erleichtert)</translation>
    </message>
    <message>
        <source>Your physiotherapist set this routine. You can do less of it, never more: each value can go down to the exercise&apos;s safe lowest. It is kept as your own eased copy; the programme stays as it was prescribed.</source>
        <translation>Dieses Programm wurde physiotherapeutisch für Sie festgelegt. Sie können weniger davon machen, aber nie mehr: Jeder Wert lässt sich bis zum sicheren Mindestwert der Übung verringern. Es wird als Ihre eigene, erleichterte Kopie gespeichert; der Übungsplan bleibt so, wie er verordnet wurde.</translation>
    </message>
    <message>
        <source>{name} (mine)</source>
        <translation>{name} (eigene Version)</translation>
    </message>
    <message>
        <source>You are editing your own copy of “{name}”. The programme stays as it was prescribed.</source>
        <translation>Sie bearbeiten Ihre eigene Kopie von „{name}“. Der Übungsplan bleibt so, wie er verordnet wurde.</translation>
    </message>
    <message>
        <source>You are editing your own copy of “{name}”. The routine that comes with SpineCoach stays as it is.</source>
        <translation>Sie bearbeiten Ihre eigene Kopie von „{name}“. Das mit SpineCoach gelieferte Programm bleibt unverändert.</translation>
    </message>
    <message>
        <source>Copy of {name}</source>
        <translation>Kopie von {name}</translation>
    </message>
    <message>
        <source>The copy was not made: {why}.</source>
        <translation>Die Kopie wurde nicht angelegt: {why}.</translation>
    </message>
    <message>
        <source>The routine was not deleted: {why}.</source>
        <translation>Das Programm wurde nicht gelöscht: {why}.</translation>
    </message>
    <message>
        <source>Deleted “{name}”. Sessions done with it stay in your History.</source>
        <translation>Programm „{name}“ gelöscht. Die damit gemachten Übungseinheiten bleiben im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>The routine could not be brought back: {why}.</source>
        <translation>Das Programm konnte nicht wiederhergestellt werden: {why}.</translation>
    </message>
    <message>
        <source>Not saved: {why}. Your changes are still here; try again.</source>
        <translation>Nicht gespeichert: {why}. Ihre Änderungen sind noch da; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Es wurde nichts geändert</translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Before a session</source>
        <translation>Vor der Einheit</translation>
    </message>
    <message>
        <source>After a session</source>
        <translation>Nach der Einheit</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Zwischeneintrag</translation>
    </message>
    <message>
        <source>Next morning</source>
        <translation>Am nächsten Morgen</translation>
    </message>
    <message>
        <source>before a session</source>
        <translation>vor einer Übungseinheit</translation>
    </message>
    <message>
        <source>after a session</source>
        <translation>nach einer Übungseinheit</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>Zwischeneintrag</translation>
    </message>
    <message>
        <source>the morning after a session</source>
        <translation>am Morgen nach einer Übungseinheit</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Pain over time</source>
        <translation>Schmerzen im Zeitverlauf</translation>
    </message>
    <message>
        <source>Pain scores chart</source>
        <translation>Diagramm der Schmerzwerte</translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation>Schmerzen (0-10)</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Einheiten pro Woche</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7-Tage-Durchschnitt</translation>
    </message>
    <message>
        <source>Every score is also listed in the session log and the check-ins.</source>
        <translation>Jeder Wert steht auch im Übungsprotokoll und bei den Zwischeneinträgen.</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>Pain {score} of 10, {context}</source>
        <translation>Schmerzwert {score} von 10, {context}</translation>
    </message>
    <message>
        <source>Routine: {routine}</source>
        <translation>Programm: {routine}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
</context>
<context>
    <name>PainDialog</name>
    <message>
        <source>Easier than last time</source>
        <translation>Leichter als beim letzten Mal</translation>
    </message>
    <message>
        <source>About the same</source>
        <translation>Etwa gleich</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Schwerer</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>keine Schmerzen</translation>
    </message>
    <message>
        <source>worst pain imaginable</source>
        <translation>stärkste vorstellbare Schmerzen</translation>
    </message>
    <message>
        <source>0 to 9</source>
        <translation>0 bis 9</translation>
    </message>
    <message>
        <source>Choose that score</source>
        <translation>Diesen Wert wählen</translation>
    </message>
    <message>
        <source>1 then 0</source>
        <translation>1, dann 0</translation>
    </message>
    <message>
        <source>Choose 10 (the 0 within a second of the 1)</source>
        <translation>10 wählen (die 0 innerhalb einer Sekunde nach der 1)</translation>
    </message>
    <message>
        <source>Left and Right arrows</source>
        <translation>Pfeil nach links und rechts</translation>
    </message>
    <message>
        <source>Move along the scale; Space chooses</source>
        <translation>Auf der Skala bewegen; die Leertaste wählt aus</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Save the score chosen</source>
        <translation>Den gewählten Wert speichern</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Skip the question</source>
        <translation>Frage überspringen</translation>
    </message>
    <message>
        <source>Pain {score} out of 10: {anchor}</source>
        <translation>Schmerzwert {score} von 10: {anchor}</translation>
    </message>
    <message>
        <source>Pain {score} out of 10</source>
        <translation>Schmerzwert {score} von 10</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>Nach der Übungseinheit</translation>
    </message>
    <message>
        <source>How is your back today?</source>
        <translation>Wie geht es Ihrem Rücken heute?</translation>
    </message>
    <message>
        <source>Pain check-in</source>
        <translation>Zwischeneintrag: Schmerzen</translation>
    </message>
    <message>
        <source>Pain after the session</source>
        <translation>Schmerzen nach der Übungseinheit</translation>
    </message>
    <message>
        <source>Pain before the session</source>
        <translation>Schmerzen vor der Übungseinheit</translation>
    </message>
    <message>
        <source>Before the session</source>
        <translation>Vor der Übungseinheit</translation>
    </message>
    <message>
        <source>How much does your back hurt right now?</source>
        <translation>Wie stark schmerzt Ihr Rücken gerade?</translation>
    </message>
    <message>
        <source>0 means no pain and 10 the worst pain imaginable. Type a number from 0 to 10, or move with the arrow keys and press Space.</source>
        <translation>0 bedeutet keine Schmerzen, 10 die stärksten vorstellbaren Schmerzen. Geben Sie eine Zahl von 0 bis 10 ein, oder wählen Sie mit den Pfeiltasten einen Wert und drücken Sie die Leertaste.</translation>
    </message>
    <message>
        <source>How did that feel?</source>
        <translation>Wie hat sich das angefühlt?</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>A note, if you like (what you did, how you slept…)</source>
        <translation>Eine Notiz, wenn Sie möchten (was Sie gemacht haben, wie Sie geschlafen haben …)</translation>
    </message>
    <message>
        <source>Choose a number to save it.</source>
        <translation>Wählen Sie einen Wert, um ihn zu speichern.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation>Speichern und weiter</translation>
    </message>
</context>
<context>
    <name>PainRiseDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>Qt could not start writing the PDF at {path}</source>
        <translation>Qt konnte nicht beginnen, das PDF unter {path} zu schreiben</translation>
    </message>
    <message>
        <source>Qt could not finish writing the PDF at {path}</source>
        <translation>Qt konnte das PDF unter {path} nicht fertig schreiben</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <source>Made easier: {easier} instead of {exercise}, for the rest of this session</source>
        <translation>Erleichtert: {easier} statt {exercise}, für den Rest dieser Übungseinheit</translation>
    </message>
    <message>
        <source>A repetition keeps its rhythm: +15 s is for holds, timed exercises and the time to get ready</source>
        <translation>Eine Wiederholung behält ihren Rhythmus: +15 s gilt für das Halten, Übungen auf Zeit und die Vorbereitungszeit</translation>
    </message>
    <message>
        <source>A movement done in repetitions keeps its rhythm: +15 s is for holds, timed exercises and the time to get ready</source>
        <translation>Eine Bewegung mit Wiederholungen behält ihren Rhythmus: +15 s gilt für das Halten, Übungen auf Zeit und die Vorbereitungszeit</translation>
    </message>
    <message>
        <source>Letting go between repetitions keeps its rhythm: +15 s is for holds, timed exercises and the time to get ready</source>
        <translation>Das Lösen zwischen den Wiederholungen behält seinen Rhythmus: +15 s gilt für das Halten, Übungen auf Zeit und die Vorbereitungszeit</translation>
    </message>
    <message>
        <source>The session is over</source>
        <translation>Die Übungseinheit ist beendet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Carrying on</source>
        <translation>Es geht weiter</translation>
    </message>
    <message>
        <source>{phase}. The session is complete.</source>
        <translation>{phase}. Die Übungseinheit ist beendet.</translation>
    </message>
    <message numerus="yes">
        <source>{phase}, %n second(s)</source>
        <translation>
            <numerusform>{phase}, eine Sekunde</numerusform>
            <numerusform>{phase}, %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Next up: {exercise}</source>
        <translation>Als Nächstes: {exercise}</translation>
    </message>
    <message>
        <source>Moving figure: {exercise}, {position}, {side}</source>
        <translation>Bewegte Figur: {exercise}, {position}, {side}</translation>
    </message>
    <message>
        <source>Moving figure: {exercise}, {position}</source>
        <translation>Bewegte Figur: {exercise}, {position}</translation>
    </message>
    <message>
        <source>lying on your back</source>
        <translation>auf dem Rücken liegend</translation>
    </message>
    <message>
        <source>lying on your front</source>
        <translation>auf dem Bauch liegend</translation>
    </message>
    <message>
        <source>lying on your side</source>
        <translation>auf der Seite liegend</translation>
    </message>
    <message>
        <source>on your hands and knees</source>
        <translation>im Vierfüßlerstand</translation>
    </message>
    <message>
        <source>kneeling</source>
        <translation>kniend</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>stehend</translation>
    </message>
    <message>
        <source>sitting on your chair</source>
        <translation>auf dem Stuhl sitzend</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>Noch {duration}</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Session player</source>
        <translation>Übungsanzeige</translation>
    </message>
    <message>
        <source>Audio cue caption</source>
        <translation>Untertitel der Ansage</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>Alle Schritte</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Bitte beachten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>Previous exercise</source>
        <translation>Vorherige Übung</translation>
    </message>
    <message>
        <source>Go to the start of the exercise before this one (P or Ctrl+Left arrow)</source>
        <translation>Zum Anfang der vorherigen Übung (P oder Strg+Pfeil nach links)</translation>
    </message>
    <message>
        <source>Skip this part</source>
        <translation>Abschnitt überspringen</translation>
    </message>
    <message>
        <source>Skip this part: a hold, a rest, the time to get ready (Right arrow)</source>
        <translation>Diesen Abschnitt überspringen: Halten, Pause, Vorbereitung (Pfeil nach rechts)</translation>
    </message>
    <message>
        <source>Next exercise</source>
        <translation>Nächste Übung</translation>
    </message>
    <message>
        <source>Leave this exercise, kept as skipped, and go to the next (N or Ctrl+Right)</source>
        <translation>Diese Übung verlassen (gilt als übersprungen) und zur nächsten wechseln (N oder Strg+Pfeil nach rechts)</translation>
    </message>
    <message>
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <source>Add 15 seconds to this part (+)</source>
        <translation>Diesen Abschnitt um 15 Sekunden verlängern (+)</translation>
    </message>
    <message>
        <source>Add 15 seconds</source>
        <translation>Um 15 Sekunden verlängern</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the session (Esc)</source>
        <translation>Übungseinheit beenden (Esc)</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>Pause now and choose what to do (H)</source>
        <translation>Jetzt anhalten und entscheiden, wie es weitergeht (H)</translation>
    </message>
    <message>
        <source>Make it easier</source>
        <translation>Leichter machen</translation>
    </message>
    <message>
        <source>Do the easier version of this exercise for the rest of this session (E)</source>
        <translation>Für den Rest dieser Übungseinheit die leichtere Variante dieser Übung machen (E)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Breathing: {breathing}</source>
        <translation>Atmung: {breathing}</translation>
    </message>
    <message>
        <source>Take care:
{cautions}</source>
        <translation>Bitte beachten:
{cautions}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>Start (Leertaste)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation>Fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Do {exercise} instead for the rest of this session (E)</source>
        <translation>Für den Rest dieser Übungseinheit stattdessen „{exercise}“ machen (E)</translation>
    </message>
    <message>
        <source>This exercise has no easier version</source>
        <translation>Für diese Übung gibt es keine leichtere Variante</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this summary (Esc)</source>
        <translation>Zusammenfassung schließen (Esc)</translation>
    </message>
    <message>
        <source>End this session?</source>
        <translation>Übungseinheit beenden?</translation>
    </message>
    <message>
        <source>End the session now? What you have done so far is saved.</source>
        <translation>Die Übungseinheit jetzt beenden? Was Sie bisher gemacht haben, ist gespeichert.</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
</context>
<context>
    <name>ProgrammeFiles</name>
    <message>
        <source>Open a programme</source>
        <translation>Übungsplan öffnen</translation>
    </message>
    <message>
        <source>Programmes (*.programme.toml);;TOML files (*.toml);;All files (*)</source>
        <translation>Übungspläne (*.programme.toml);;TOML-Dateien (*.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Programme not opened</source>
        <translation>Übungsplan nicht geöffnet</translation>
    </message>
    <message>
        <source>Programme not imported</source>
        <translation>Übungsplan nicht importiert</translation>
    </message>
    <message>
        <source>SpineCoach could not save the programme: {why}. Nothing was changed; open the file again once that is solved.</source>
        <translation>SpineCoach konnte den Übungsplan nicht speichern: {why}. Es wurde nichts geändert; öffnen Sie die Datei erneut, sobald das behoben ist.</translation>
    </message>
    <message>
        <source>Imported “{title}”: its routines are at the top of the Library.</source>
        <translation>„{title}“ importiert: Die Programme daraus stehen ganz oben in der Bibliothek.</translation>
    </message>
    <message>
        <source>No programme to export</source>
        <translation>Kein Übungsplan zum Exportieren</translation>
    </message>
    <message>
        <source>No programme is active. Import one with File › Open programme…, or export a single routine from the Library.</source>
        <translation>Es ist kein Übungsplan aktiv. Importieren Sie einen über „Datei › Übungsplan öffnen …“ oder exportieren Sie ein einzelnes Programm aus der Bibliothek.</translation>
    </message>
    <message>
        <source>Exported from SpineCoach</source>
        <translation>SpineCoach-Export</translation>
    </message>
    <message>
        <source>Export the programme</source>
        <translation>Übungsplan exportieren</translation>
    </message>
    <message>
        <source>Programmes (*.programme.toml)</source>
        <translation>Übungspläne (*.programme.toml)</translation>
    </message>
    <message>
        <source>Programme not exported</source>
        <translation>Übungsplan nicht exportiert</translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation>{path} konnte nicht geschrieben werden: {why}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportiert nach {path}.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it with this programme?</source>
        <translation>{name} ist bereits vorhanden. Durch diesen Übungsplan ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep the old file</source>
        <translation>Alte Datei behalten</translation>
    </message>
    <message>
        <source>it is not there any more (moved, renamed or deleted?)</source>
        <translation>sie ist nicht mehr vorhanden (verschoben, umbenannt oder gelöscht?)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>das ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>you are not allowed to read it</source>
        <translation>Sie dürfen sie nicht lesen</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} kB. A programme file is a few kB of text: is this the file your physiotherapist sent?</source>
        <translation>{name} ist größer als {limit} kB. Eine Übungsplan-Datei ist nur wenige kB Text groß: Ist das die Datei aus Ihrer Physiotherapie?</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {position} cannot be read), so it is not a programme file, or it was saved in another encoding. Save it as UTF-8 in a text editor, then open it again.</source>
        <translation>{name} ist kein UTF-8-Text (Byte {position} ist nicht lesbar): Es ist also keine Übungsplan-Datei, oder sie wurde in einer anderen Kodierung gespeichert. Speichern Sie sie in einem Texteditor als UTF-8 und öffnen Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>SpineCoach cannot read {name}: {why}.</source>
        <translation>SpineCoach kann {name} nicht lesen: {why}.</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <source>Sessions done and prescribed, per week</source>
        <translation>Durchgeführte und verordnete Übungseinheiten pro Woche</translation>
    </message>
    <message>
        <source>Prescribed by {name}</source>
        <translation>Verordnet von {name}</translation>
    </message>
    <message>
        <source>{prescribed_by} · {contact}</source>
        <translation>{prescribed_by} · {contact}</translation>
    </message>
    <message>
        <source>{routine}: {frequency}</source>
        <translation>{routine}: {frequency}</translation>
    </message>
    <message>
        <source>The programme has not started yet.</source>
        <translation>Der Übungsplan hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>This week: {done} of {prescribed} sessions done</source>
        <translation>Diese Woche: {done} von {prescribed} Übungseinheiten durchgeführt</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>All routines</source>
        <translation>Alle Programme</translation>
    </message>
    <message>
        <source>{done} of {prescribed}</source>
        <translation>{done} von {prescribed}</translation>
    </message>
</context>
<context>
    <name>ProgrammePreview</name>
    <message>
        <source>d MMM yyyy</source>
        <comment>Qt date format (d: day, MMM: the month&apos;s short name, yyyy: year) of a programme&apos;s start, review and import dates</comment>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>ProgrammePreviewDialog</name>
    <message>
        <source>Import a programme</source>
        <translation>Übungsplan importieren</translation>
    </message>
    <message>
        <source>The programme</source>
        <translation>Der Übungsplan</translation>
    </message>
    <message>
        <source>Replace the programme</source>
        <translation>Übungsplan ersetzen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>From the file {name}. Nothing is saved until you import it.</source>
        <translation>Aus der Datei {name}. Gespeichert wird erst, wenn Sie importieren.</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Probleme in der Datei</translation>
    </message>
    <message>
        <source>This file cannot be imported until these problems are fixed:</source>
        <translation>Diese Datei kann erst importiert werden, wenn diese Probleme behoben sind:</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these lines in a text editor, or ask whoever wrote the file to correct them, then open it again.</source>
        <translation>Es wurde nichts importiert. Korrigieren Sie diese Zeilen in einem Texteditor oder bitten Sie die Person, die die Datei erstellt hat, darum. Öffnen Sie die Datei danach erneut.</translation>
    </message>
    <message>
        <source>{field} {message}</source>
        <translation>{field} {message}</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>Line {line}: {problem}.</source>
        <translation>Zeile {line}: {problem}.</translation>
    </message>
    <message>
        <source>This replaces the programme you imported on {date}. The sessions you have done are kept.</source>
        <translation>Dies ersetzt den Übungsplan, den Sie am {date} importiert haben. Ihre bisherigen Übungseinheiten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Locked by {prescriber}: you can play these routines and ease them (do less), but not change them otherwise.</source>
        <translation>Festgelegt von {prescriber}: Sie können diese Programme durchführen und erleichtern (weniger machen), aber sonst nicht ändern.</translation>
    </message>
    <message>
        <source>Notes from {prescriber}</source>
        <translation>Hinweise von {prescriber}</translation>
    </message>
    <message>
        <source>Prescribed by {prescriber} · {contact}</source>
        <translation>Verordnet von {prescriber} · {contact}</translation>
    </message>
    <message>
        <source>Prescribed by {prescriber}</source>
        <translation>Verordnet von {prescriber}</translation>
    </message>
    <message>
        <source>From {start}</source>
        <translation>Ab {start}</translation>
    </message>
    <message>
        <source>From {start} · review on {review}</source>
        <translation>Ab {start} · Überprüfung am {review}</translation>
    </message>
    <message>
        <source>{routine} — {how_often}</source>
        <translation>{routine} – {how_often}</translation>
    </message>
    <message>
        <source>{number}. {exercise}: {dosage}</source>
        <translation>{number}. {exercise}: {dosage}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
</context>
<context>
    <name>Progression</name>
    <message>
        <source>The change was not made, and your routine stays as it was: {reason}.</source>
        <translation>Die Änderung wurde nicht vorgenommen, Ihr Programm bleibt, wie es war: {reason}.</translation>
    </message>
</context>
<context>
    <name>ProgressionSuggestionDialog</name>
    <message>
        <source>A suggestion for your exercises</source>
        <translation>Ein Vorschlag für Ihre Übungen</translation>
    </message>
    <message>
        <source>Your physiotherapist set this routine, so SpineCoach does not change it. Ask your physiotherapist at your next appointment.</source>
        <translation>Dieses Programm wurde physiotherapeutisch für Sie festgelegt, deshalb ändert SpineCoach es nicht. Sprechen Sie es beim nächsten Termin in Ihrer Physiotherapie an.</translation>
    </message>
    <message>
        <source>Nothing changes unless you choose it. You can change the dose back in the routine editor at any time.</source>
        <translation>Geändert wird nur, wenn Sie es so wählen. Im Programm-Editor können Sie den Umfang jederzeit wieder zurücksetzen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Keep the exercise as it is; this is not suggested again for two weeks</source>
        <translation>Die Übung so lassen, wie sie ist; dieser Vorschlag kommt zwei Wochen lang nicht wieder</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Change the exercise in your routine as suggested</source>
        <translation>Die Übung in Ihrem Programm wie vorgeschlagen ändern</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>Stand-up reminders are off</source>
        <translation>Erinnerungen zum Aufstehen sind aus</translation>
    </message>
    <message>
        <source>Reminders wait while you exercise</source>
        <translation>Erinnerungen warten, während Sie üben</translation>
    </message>
    <message>
        <source>Reminders paused until you resume them</source>
        <translation>Erinnerungen pausiert, bis Sie sie fortsetzen</translation>
    </message>
    <message>
        <source>A reminder is held during {what}</source>
        <translation>Eine Erinnerung wartet, solange {what} aktiv ist</translation>
    </message>
    <message>
        <source>No working hours set, so no stand-up reminders</source>
        <translation>Keine Arbeitszeiten festgelegt, daher keine Erinnerungen zum Aufstehen</translation>
    </message>
    <message>
        <source>Reminders paused until {time}</source>
        <translation>Erinnerungen pausiert bis {time} Uhr</translation>
    </message>
    <message>
        <source>Reminders paused until {weekday} {time}</source>
        <translation>Erinnerungen pausiert bis {weekday}, {time} Uhr</translation>
    </message>
    <message>
        <source>Reminders paused until {date} {time}</source>
        <translation>Erinnerungen pausiert bis {date}, {time} Uhr</translation>
    </message>
    <message>
        <source>Next stand-up reminder at {time}</source>
        <translation>Nächste Erinnerung zum Aufstehen um {time} Uhr</translation>
    </message>
    <message>
        <source>Next stand-up reminder on {weekday} {time}</source>
        <translation>Nächste Erinnerung zum Aufstehen am {weekday} um {time} Uhr</translation>
    </message>
    <message>
        <source>Next stand-up reminder on {date} {time}</source>
        <translation>Nächste Erinnerung zum Aufstehen am {date} um {time} Uhr</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <comment>a date: 3 Mar</comment>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <source>(in under a minute)</source>
        <translation>(in weniger als einer Minute)</translation>
    </message>
    <message>
        <source>(in {minutes} min)</source>
        <translation>(in {minutes} Min.)</translation>
    </message>
    <message>
        <source>(in {hours} h {minutes} min)</source>
        <translation>(in {hours} Std. {minutes} Min.)</translation>
    </message>
    <message>
        <source>You have snoozed three times; time to stand up</source>
        <translation>Sie haben die Erinnerung dreimal aufgeschoben – jetzt ist Zeit zum Aufstehen</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Choose a routine</source>
        <translation>Programm wählen</translation>
    </message>
    <message>
        <source>Not today</source>
        <translation>Heute nicht</translation>
    </message>
    <message>
        <source>Start desk break</source>
        <translation>Schreibtischpause starten</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Später (%n Min.)</numerusform>
            <numerusform>Später (%n Min.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>I&apos;m in a meeting</source>
        <translation>Ich bin in einer Besprechung</translation>
    </message>
    <message>
        <source>I&apos;m busy right now</source>
        <translation>Ich habe gerade keine Zeit</translation>
    </message>
    <message>
        <source>I&apos;m in pain</source>
        <translation>Ich habe Schmerzen</translation>
    </message>
    <message>
        <source>Just skip this one</source>
        <translation>Diese einfach überspringen</translation>
    </message>
    <message>
        <source>a full-screen window</source>
        <translation>ein Vollbildfenster</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>„Nicht stören“</translation>
    </message>
    <message>
        <source>a full-screen game or video</source>
        <translation>ein Spiel oder Video im Vollbild</translation>
    </message>
    <message>
        <source>a presentation</source>
        <translation>eine Präsentation</translation>
    </message>
    <message>
        <source>do not disturb (Windows quiet time)</source>
        <translation>„Nicht stören“ (Windows-Ruhezeit)</translation>
    </message>
    <message>
        <source>a full-screen app</source>
        <translation>eine App im Vollbild</translation>
    </message>
    <message>
        <source>your call</source>
        <translation>Ihr Anruf</translation>
    </message>
    <message>
        <source>(Held during {what}.)</source>
        <translation>(Zurückgehalten, solange {what} aktiv war.)</translation>
    </message>
    <message>
        <source>(Held during {what} at {time}.)</source>
        <translation>(Um {time} zurückgehalten, solange {what} aktiv war.)</translation>
    </message>
    <message>
        <source>(Held during {what}, {start}–{end}.)</source>
        <translation>(Zurückgehalten, solange {what} aktiv war: {start}–{end}.)</translation>
    </message>
    <message>
        <source>SpineCoach reminder</source>
        <translation>SpineCoach-Erinnerung</translation>
    </message>
    <message>
        <source>Stand-up reminder</source>
        <translation>Erinnerung zum Aufstehen</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Diese Erinnerung schließen</translation>
    </message>
    <message>
        <source>Move gently, and stop anything that makes your pain worse.</source>
        <translation>Bewegen Sie sich sanft, und hören Sie mit allem auf, was Ihre Schmerzen verstärkt.</translation>
    </message>
    <message>
        <source>Start 2-minute desk break</source>
        <translation>2-Minuten-Schreibtischpause starten</translation>
    </message>
    <message>
        <source>Choose a routine</source>
        <translation>Programm wählen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip this reminder; the arrow lets you say why</source>
        <translation>Diese Erinnerung überspringen; über den Pfeil können Sie einen Grund angeben</translation>
    </message>
    <message>
        <source>Not today</source>
        <translation>Heute nicht</translation>
    </message>
    <message>
        <source>Time for today&apos;s exercises</source>
        <translation>Zeit für die heutigen Übungen</translation>
    </message>
    <message>
        <source>No session yet today. A few minutes of gentle movement keeps a sore back supple.</source>
        <translation>Heute noch keine Übungseinheit. Ein paar Minuten sanfte Bewegung können helfen, einen schmerzenden Rücken beweglich zu halten.</translation>
    </message>
    <message numerus="yes">
        <source>You have been sitting for %n minute(s).</source>
        <translation>
            <numerusform>Sie sitzen seit einer Minute.</numerusform>
            <numerusform>Sie sitzen seit %n Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stand up, stretch, or take the two-minute desk break.</source>
        <translation>Stehen Sie auf, strecken Sie sich oder machen Sie die zweiminütige Schreibtischpause.</translation>
    </message>
    <message>
        <source>Time to stand up</source>
        <translation>Zeit zum Aufstehen</translation>
    </message>
    <message>
        <source>Daily exercise reminder</source>
        <translation>Tägliche Übungserinnerung</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Später (%n Min.)</numerusform>
            <numerusform>Später (%n Min.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remind me again in %n minute(s); the arrow offers other times</source>
        <translation>
            <numerusform>In einer Minute erneut erinnern; über den Pfeil gibt es andere Zeiten</numerusform>
            <numerusform>In %n Minuten erneut erinnern; über den Pfeil gibt es andere Zeiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n minute(s)</source>
        <translation>
            <numerusform>In einer Minute erinnern</numerusform>
            <numerusform>In %n Minuten erinnern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>ReportPeriodDialog</name>
    <message>
        <source>The last 4 weeks</source>
        <translation>Die letzten 4 Wochen</translation>
    </message>
    <message>
        <source>The last 3 months</source>
        <translation>Die letzten 3 Monate</translation>
    </message>
    <message>
        <source>The last 6 months</source>
        <translation>Die letzten 6 Monate</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>Die letzten 12 Monate</translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation>Alle Aufzeichnungen</translation>
    </message>
    <message>
        <source>Report for a clinician</source>
        <translation>Bericht für die Praxis</translation>
    </message>
    <message>
        <source>Which period should the report cover?</source>
        <translation>Welchen Zeitraum soll der Bericht umfassen?</translation>
    </message>
    <message>
        <source>The report ends today and starts no earlier than your first record. It holds your pain scores and notes: keep the file private.</source>
        <translation>Der Bericht reicht bis heute und beginnt frühestens mit Ihrem ersten Eintrag. Er enthält Ihre Schmerzwerte und Notizen: Bewahren Sie die Datei vertraulich auf.</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Speicherort wählen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RoutineBook</name>
    <message>
        <source>Copy of {name}</source>
        <translation>Kopie von {name}</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Hold (seconds)</source>
        <translation>Halten (Sekunden)</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Rest between sets (seconds)</source>
        <translation>Satzpause (Sekunden)</translation>
    </message>
    <message>
        <source>Length (seconds)</source>
        <translation>Dauer (Sekunden)</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beide Seiten</translation>
    </message>
    <message>
        <source>Left side only</source>
        <translation>Nur linke Seite</translation>
    </message>
    <message>
        <source>Right side only</source>
        <translation>Nur rechte Seite</translation>
    </message>
    <message>
        <source>{value} is outside the safe range: {low} to {high}</source>
        <translation>{value} liegt außerhalb des sicheren Bereichs: {low} bis {high}</translation>
    </message>
    <message>
        <source>Set by the exercise</source>
        <translation>Durch die Übung festgelegt</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>Edit routine</source>
        <translation>Programm bearbeiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>For example: Morning stretch</source>
        <translation>Zum Beispiel: Dehnen am Morgen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What it is for (optional)</source>
        <translation>Wofür es gedacht ist (optional)</translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation>Übungen in diesem Programm</translation>
    </message>
    <message>
        <source>Add exercise…</source>
        <translation>Übung hinzufügen …</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Pfeil nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Pfeil nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Add an exercise, then set how much of it to do here.</source>
        <translation>Fügen Sie eine Übung hinzu und legen Sie dann hier fest, wie viel Sie davon machen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exercises, in order</source>
        <translation>Übungen der Reihe nach</translation>
    </message>
    <message>
        <source>Your own routine: {exercises}.</source>
        <translation>Ihr eigenes Programm: {exercises}.</translation>
    </message>
    <message>
        <source>Give the routine a name.</source>
        <translation>Geben Sie dem Programm einen Namen.</translation>
    </message>
    <message>
        <source>Describe it in at least {count} characters, or leave the description empty.</source>
        <translation>Beschreiben Sie es mit mindestens {count} Zeichen oder lassen Sie die Beschreibung leer.</translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Fügen Sie mindestens eine Übung hinzu.</translation>
    </message>
    <message>
        <source>A routine holds at most {count} exercises.</source>
        <translation>Ein Programm kann höchstens {count} Übungen enthalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) outside the safe range.</source>
        <translation>
            <numerusform>%n Wert liegt außerhalb des sicheren Bereichs.</numerusform>
            <numerusform>%n Werte liegen außerhalb des sicheren Bereichs.</numerusform>
        </translation>
    </message>
    <message>
        <source>About {duration} in all, with the changes between exercises.</source>
        <translation>Insgesamt etwa {duration}, einschließlich der Wechsel zwischen den Übungen.</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schreibtisch</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Boden</translation>
    </message>
    <message>
        <source>No exercises yet.</source>
        <translation>Noch keine Übungen.</translation>
    </message>
    <message>
        <source>Can be done beside a desk</source>
        <translation>Neben dem Schreibtisch machbar</translation>
    </message>
    <message>
        <source>Needs the floor</source>
        <translation>Mit Übungen auf dem Boden</translation>
    </message>
    <message>
        <source>Leave without saving?</source>
        <translation>Ohne Speichern schließen?</translation>
    </message>
    <message>
        <source>Your changes to this routine have not been saved.</source>
        <translation>Ihre Änderungen an diesem Programm sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>RoutineItemsModel</name>
    <message>
        <source>{number}. {exercise}</source>
        <translation>{number}. {exercise}</translation>
    </message>
    <message>
        <source>{line} · outside the safe range</source>
        <translation>{line} · außerhalb des sicheren Bereichs</translation>
    </message>
</context>
<context>
    <name>SafetyDialog</name>
    <message>
        <source>Safety first</source>
        <translation>Sicherheit geht vor</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>Exercising with SpineCoach</source>
        <translation>Üben mit SpineCoach</translation>
    </message>
    <message>
        <source>I understand — let&apos;s start</source>
        <translation>Verstanden – los geht’s</translation>
    </message>
    <message>
        <source>Close SpineCoach</source>
        <translation>SpineCoach schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SessionArea</name>
    <message>
        <source>Session</source>
        <translation>Übungseinheit</translation>
    </message>
    <message>
        <source>Ready when you are</source>
        <translation>Starten Sie, wann Sie möchten</translation>
    </message>
    <message>
        <source>Pick a routine or an exercise in the Library and press Start, or take a short break now. You will be asked how your back feels before and after.</source>
        <translation>Wählen Sie in der Bibliothek ein Programm oder eine Übung und drücken Sie auf Start – oder machen Sie jetzt eine kurze Pause. Vorher und nachher werden Sie gefragt, wie sich Ihr Rücken anfühlt.</translation>
    </message>
    <message>
        <source>Start the two-minute desk break</source>
        <translation>Zweiminütige Schreibtischpause starten</translation>
    </message>
    <message>
        <source>Choose in the Library</source>
        <translation>In der Bibliothek auswählen</translation>
    </message>
</context>
<context>
    <name>SessionDetailsDialog</name>
    <message>
        <source>When:</source>
        <translation>Zeitpunkt:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Exercises:</source>
        <translation>Übungen:</translation>
    </message>
    <message>
        <source>none completed</source>
        <translation>keine abgeschlossen</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Erledigt:</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>Pain before → after:</source>
        <translation>Schmerzen vorher → nachher:</translation>
    </message>
    <message>
        <source>Felt:</source>
        <translation>Empfinden:</translation>
    </message>
    <message>
        <source>“This hurts”:</source>
        <translation>„Das tut weh“:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>How it went, what you noticed…</source>
        <translation>Wie es lief, was Ihnen aufgefallen ist …</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Repeat this routine</source>
        <translation>Programm wiederholen</translation>
    </message>
</context>
<context>
    <name>SessionSummaryPage</name>
    <message>
        <source>Session summary</source>
        <translation>Zusammenfassung der Übungseinheit</translation>
    </message>
    <message>
        <source>Back to the Library</source>
        <translation>Zurück zur Bibliothek</translation>
    </message>
    <message>
        <source>Log how it went</source>
        <translation>Eintragen, wie es lief</translation>
    </message>
    <message>
        <source>Give the pain score after this session, which was skipped</source>
        <translation>Den Schmerzwert nach dieser Übungseinheit nachtragen (die Frage wurde übersprungen)</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Feeling</source>
        <translation>Empfinden</translation>
    </message>
    <message>
        <source>Hurt</source>
        <translation>Tut weh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Easier</source>
        <translation>Leichter</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Schwerer</translation>
    </message>
    <message>
        <source>{exercise}, skipped</source>
        <translation>{exercise}, übersprungen</translation>
    </message>
    <message>
        <source>{exercise}, session ended</source>
        <translation>{exercise}, Einheit beendet</translation>
    </message>
    <message>
        <source>{exercise}, carried on gently</source>
        <translation>{exercise}, behutsam weitergemacht</translation>
    </message>
    <message>
        <source>This session was not finished; the exercises done were kept.</source>
        <translation>Diese Übungseinheit wurde nicht abgeschlossen; die erledigten Übungen sind gespeichert.</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Colour scheme: follow the system (its high-contrast setting too, where the desktop has one), or always light, dark or high contrast (text at least 7:1 on its background).</source>
        <translation>Farbschema: wie im System (auch dessen hoher Kontrast, wo die Arbeitsumgebung einen anbietet) oder immer hell, dunkel oder mit hohem Kontrast (Text mindestens 7:1 zu seinem Hintergrund).</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>The language of the window, the exercises, the safety notes and the spoken cues: the system&apos;s, or one SpineCoach has a translation for. Used from the next start.</source>
        <translation>Die Sprache des Fensters, der Übungen, der Sicherheitshinweise und der gesprochenen Ansagen: die des Systems oder eine, in die SpineCoach übersetzt ist. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The size of all text, in percent of the system&apos;s own text size (which it follows), up to twice as large; applied at once, everywhere.</source>
        <translation>Die Größe aller Texte in Prozent der Textgröße des Systems (der sie folgt), bis zur doppelten Größe; gilt sofort und überall.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Textgröße</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Keep the session player still: the figure shows one picture of each exercise instead of moving, and the countdown ring steps once a second instead of sweeping.</source>
        <translation>Die Übungsanzeige ruhig halten: Die Figur zeigt von jeder Übung ein festes Bild, statt sich zu bewegen, und der Countdown-Ring springt einmal pro Sekunde weiter, statt zu gleiten.</translation>
    </message>
    <message>
        <source>Reduce motion in the player</source>
        <translation>Weniger Bewegung in der Übungsanzeige</translation>
    </message>
    <message>
        <source>How many sessions a week the person aims for.</source>
        <translation>Wie viele Übungseinheiten pro Woche Sie sich vornehmen.</translation>
    </message>
    <message>
        <source>Weekly goal</source>
        <translation>Wochenziel</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Play short tones for start, countdown ticks, end of hold and switching sides.</source>
        <translation>Kurze Töne für den Start, das Herunterzählen, das Ende des Haltens und den Seitenwechsel abspielen.</translation>
    </message>
    <message>
        <source>Play tones</source>
        <translation>Töne abspielen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Übungseinheiten</translation>
    </message>
    <message>
        <source>Speak the cues aloud, where the system has a speech engine.</source>
        <translation>Die Ansagen laut sprechen, wo das System eine Sprachausgabe hat.</translation>
    </message>
    <message>
        <source>Speak the cues</source>
        <translation>Ansagen sprechen</translation>
    </message>
    <message>
        <source>Loudness of tones and voice, in percent.</source>
        <translation>Lautstärke von Tönen und Stimme, in Prozent.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Seconds to get into position before the first exercise starts.</source>
        <translation>Sekunden, um vor der ersten Übung in Position zu kommen.</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Seconds of rest between exercises, while the next one is previewed.</source>
        <translation>Sekunden Pause zwischen den Übungen, während die nächste schon gezeigt wird.</translation>
    </message>
    <message>
        <source>Rest between exercises</source>
        <translation>Pause zwischen den Übungen</translation>
    </message>
    <message>
        <source>Remind the person to stand up after sitting for a while, within working hours.</source>
        <translation>Innerhalb der Arbeitszeit daran erinnern, nach längerem Sitzen aufzustehen.</translation>
    </message>
    <message>
        <source>Remind me to stand up</source>
        <translation>Mich ans Aufstehen erinnern</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Minutes of sitting after which a stand-up reminder is shown.</source>
        <translation>Minuten im Sitzen, nach denen eine Erinnerung zum Aufstehen erscheint.</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Erinnern nach</translation>
    </message>
    <message>
        <source>min of sitting</source>
        <translation>Min. im Sitzen</translation>
    </message>
    <message>
        <source>Minutes away from the keyboard that count as a break and restart the reminder interval.</source>
        <translation>Minuten fern der Tastatur, die als Pause zählen und die Zeit bis zur nächsten Erinnerung neu beginnen lassen.</translation>
    </message>
    <message>
        <source>Time away that counts as a break</source>
        <translation>Abwesenheit, die als Pause zählt</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Days and hours when stand-up reminders are given, e.g. &apos;mon-fri 09:00-18:00, sat 10:00-12:00&apos;; a value that cannot be read means the default.</source>
        <translation>Tage und Uhrzeiten, zu denen an das Aufstehen erinnert wird, z. B. „mon-fri 09:00-18:00, sat 10:00-12:00“; ein Wert, der nicht gelesen werden kann, bedeutet die Voreinstellung.</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeiten</translation>
    </message>
    <message>
        <source>How long &quot;Snooze&quot; puts a stand-up reminder off (at most three times in a row).</source>
        <translation>Wie lange „Später“ eine Erinnerung zum Aufstehen aufschiebt (höchstens dreimal hintereinander).</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Später erinnern nach</translation>
    </message>
    <message>
        <source>Play a soft chime when a stand-up reminder appears.</source>
        <translation>Einen leisen Klang abspielen, wenn eine Erinnerung zum Aufstehen erscheint.</translation>
    </message>
    <message>
        <source>Chime with each reminder</source>
        <translation>Klang bei jeder Erinnerung</translation>
    </message>
    <message>
        <source>Notice time away from the keyboard and mouse, and restart the interval after it.</source>
        <translation>Zeit fern von Tastatur und Maus erkennen und danach die Zeit bis zur nächsten Erinnerung neu beginnen lassen.</translation>
    </message>
    <message>
        <source>Count time away from the keyboard as a break</source>
        <translation>Zeit fern der Tastatur als Pause zählen</translation>
    </message>
    <message>
        <source>Hold a reminder while a full-screen window (a presentation, a film) or do-not-disturb is on, and show it right after.</source>
        <translation>Eine Erinnerung zurückhalten, solange ein Vollbildfenster (eine Präsentation, ein Film) oder „Nicht stören“ aktiv ist, und sie gleich danach zeigen.</translation>
    </message>
    <message>
        <source>Wait while I present or watch full screen</source>
        <translation>Bei Vollbild oder Präsentation warten</translation>
    </message>
    <message>
        <source>Hold a reminder while another program uses your camera or microphone (a video or phone call on the computer), and show it once the call ends.</source>
        <translation>Eine Erinnerung zurückhalten, während ein anderes Programm Ihre Kamera oder Ihr Mikrofon benutzt (ein Video- oder Telefonanruf am Computer), und sie zeigen, sobald der Anruf endet.</translation>
    </message>
    <message>
        <source>Wait while my camera or microphone is in use</source>
        <translation>Während eines Anrufs warten (Kamera, Mikrofon)</translation>
    </message>
    <message>
        <source>Names of programs or windows, separated by commas (for example: zoom, teams, Impress). While the window in front has one of them in its name or title, reminders wait.</source>
        <translation>Namen von Programmen oder Fenstern, durch Kommas getrennt (zum Beispiel: zoom, teams, Impress). Solange das Fenster im Vordergrund einen davon im Namen oder Titel hat, warten die Erinnerungen.</translation>
    </message>
    <message>
        <source>Also wait while one of these is in front</source>
        <translation>Auch warten, solange eines davon im Vordergrund ist</translation>
    </message>
    <message>
        <source>A reminder at this time (HH:MM) to do a session if none was done that day; empty: off.</source>
        <translation>Eine Erinnerung zu dieser Uhrzeit (HH:MM), eine Übungseinheit zu machen, falls an diesem Tag noch keine stattfand; leer: aus.</translation>
    </message>
    <message>
        <source>Daily exercise reminder</source>
        <translation>Tägliche Übungserinnerung</translation>
    </message>
    <message>
        <source>How large the instructions are in the session player (on top of the text size in General).</source>
        <translation>Wie groß die Anleitung in der Übungsanzeige ist (zusätzlich zur Textgröße unter „Allgemein“).</translation>
    </message>
    <message>
        <source>Instructions in the player</source>
        <translation>Anleitung in der Übungsanzeige</translation>
    </message>
    <message>
        <source>The movements you said make your pain worse: the Library marks exercises that ask for them and the player warns before one.</source>
        <translation>Die Bewegungen, die nach Ihrer Angabe Ihre Schmerzen verstärken: Die Bibliothek kennzeichnet Übungen, die sie verlangen, und die Übungsanzeige weist vor einer solchen Übung darauf hin.</translation>
    </message>
    <message>
        <source>Movements that make it worse</source>
        <translation>Bewegungen, die Schmerzen verstärken</translation>
    </message>
    <message>
        <source>Start SpineCoach in the tray when you log in, so reminders need no remembering.</source>
        <translation>SpineCoach beim Anmelden im Infobereich starten, damit die Erinnerungen kommen, ohne dass Sie daran denken müssen.</translation>
    </message>
    <message>
        <source>Start SpineCoach when I log in</source>
        <translation>SpineCoach beim Anmelden starten</translation>
    </message>
    <message>
        <source>Start in the tray without opening the window (where the desktop has a tray).</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen (wo die Arbeitsumgebung einen Infobereich hat).</translation>
    </message>
    <message>
        <source>Start in the tray, without the window</source>
        <translation>Im Infobereich starten, ohne Fenster</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When to remind you to stand up, and when not to</source>
        <translation>Wann Sie ans Aufstehen erinnert werden – und wann nicht</translation>
    </message>
    <message>
        <source>Working days and hours, and a daily reminder</source>
        <translation>Arbeitstage und -zeiten sowie eine tägliche Erinnerung</translation>
    </message>
    <message>
        <source>Sound, voice, timing and text of the session player</source>
        <translation>Ton, Stimme, Zeiten und Text der Übungsanzeige</translation>
    </message>
    <message>
        <source>Colours, language, goal and how SpineCoach starts</source>
        <translation>Farben, Sprache, Ziel und wie SpineCoach startet</translation>
    </message>
    <message>
        <source>SpineCoach settings</source>
        <translation>SpineCoach-Einstellungen</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Änderungen werden sofort gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>100 % (the system&apos;s size)</source>
        <translation>100 % (Größe des Systems)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Größer</translation>
    </message>
    <message>
        <source>from {minimum} to {maximum}</source>
        <translation>von {minimum} bis {maximum}</translation>
    </message>
    <message>
        <source>{number} is more than {maximum}, the most allowed.</source>
        <translation>{number} ist zu hoch: Der Höchstwert ist {maximum}.</translation>
    </message>
    <message>
        <source>{number} is less than {minimum}, the least allowed.</source>
        <translation>{number} ist zu niedrig: Der Mindestwert ist {minimum}.</translation>
    </message>
    <message>
        <source>Not changed: it is still {value}.</source>
        <translation>Nicht geändert: Der Wert bleibt bei {value}.</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>Wie im System ({language})</translation>
    </message>
    <message>
        <source>This applies the next time SpineCoach starts.</source>
        <translation>Das gilt ab dem nächsten Start von SpineCoach.</translation>
    </message>
</context>
<context>
    <name>SpeechEngine</name>
    <message>
        <source>the speech engine has no voice for {language}</source>
        <translation>die Sprachausgabe hat keine Stimme für {language}</translation>
    </message>
</context>
<context>
    <name>StorageProblemDialog</name>
    <message>
        <source>Waiting for your data file</source>
        <translation>Warten auf Ihre Datendatei</translation>
    </message>
    <message>
        <source>Your data file did not open</source>
        <translation>Ihre Datendatei ließ sich nicht öffnen</translation>
    </message>
    <message>
        <source>Another program is using your data file right now. SpineCoach opens it as soon as it is free; nothing you have stored is lost.</source>
        <translation>Eine andere Anwendung verwendet Ihre Datendatei gerade. SpineCoach öffnet sie, sobald sie frei ist; nichts von dem, was Sie gespeichert haben, geht verloren.</translation>
    </message>
    <message>
        <source>Your data file could not be opened: {problem}. Nothing was changed or deleted. Anything you enter is kept and saved as soon as the file can be written.</source>
        <translation>Ihre Datendatei konnte nicht geöffnet werden: {problem}. Nichts wurde geändert oder gelöscht. Alles, was Sie eingeben, wird aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</translation>
    </message>
    <message>
        <source>The file: {path}</source>
        <translation>Die Datei: {path}</translation>
    </message>
    <message>
        <source>Waiting for the data file</source>
        <translation>Warten auf die Datendatei</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Quit SpineCoach</source>
        <translation>SpineCoach beenden</translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message numerus="yes">
        <source>%n entries could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n Eintrag konnte noch nicht gespeichert werden: {why}. Er wird aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
            <numerusform>%n Einträge konnten noch nicht gespeichert werden: {why}. Sie werden aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>It could not be written to the disk either, so it is kept in memory: please keep SpineCoach open until the problem is solved.</source>
        <translation>Auch auf den Datenträger ließ sich nichts schreiben, deshalb wird alles im Arbeitsspeicher aufbewahrt: Bitte lassen Sie SpineCoach geöffnet, bis das Problem gelöst ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) kept from an earlier run (has|have) been saved now.</source>
        <translation>
            <numerusform>%n aufbewahrter Eintrag aus einem früheren Start ist jetzt gespeichert.</numerusform>
            <numerusform>%n aufbewahrte Einträge aus einem früheren Start sind jetzt gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) from an earlier run could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n Eintrag aus einem früheren Start konnte noch nicht gespeichert werden: {why}. Er wird aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
            <numerusform>%n Einträge aus einem früheren Start konnten noch nicht gespeichert werden: {why}. Sie werden aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) from an earlier run could not be saved yet. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n Eintrag aus einem früheren Start konnte noch nicht gespeichert werden. Er wird aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
            <numerusform>%n Einträge aus einem früheren Start konnten noch nicht gespeichert werden. Sie werden aufbewahrt und gespeichert, sobald die Datei wieder beschrieben werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything you entered has been saved now.</source>
        <translation>Alles, was Sie eingegeben haben, ist jetzt gespeichert.</translation>
    </message>
</context>
<context>
    <name>ToneBank</name>
    <message>
        <source>the sound library could not be loaded (on Debian or Ubuntu: sudo apt install libpulse0)</source>
        <translation>die Audiobibliothek ließ sich nicht laden (unter Debian oder Ubuntu: sudo apt install libpulse0)</translation>
    </message>
    <message>
        <source>no audio output was found (plug in headphones or speakers, or check the volume)</source>
        <translation>es wurde keine Audioausgabe gefunden (schließen Sie Kopfhörer oder Lautsprecher an, oder prüfen Sie die Lautstärke)</translation>
    </message>
</context>
<context>
    <name>TrayAndReminders</name>
    <message>
        <source>This desktop shows no tray icons, so SpineCoach always opens its window.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich, daher öffnet SpineCoach immer sein Fenster.</translation>
    </message>
    <message>
        <source>SpineCoach cannot start on log-in on this system.</source>
        <translation>SpineCoach kann auf diesem System nicht bei der Anmeldung starten.</translation>
    </message>
    <message>
        <source>Keep the reminders?</source>
        <translation>Erinnerungen beibehalten?</translation>
    </message>
    <message>
        <source>There is no tray on this desktop: closing SpineCoach stops the reminders. Minimise instead to keep them.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: Wenn Sie SpineCoach schließen, enden auch die Erinnerungen. Minimieren Sie das Fenster stattdessen, damit sie weiterlaufen.</translation>
    </message>
    <message>
        <source>SpineCoach remembers your choice. Minimised, it comes back from the dock or the window list, or when you start it again; File &gt; Quit always quits.</source>
        <translation>SpineCoach merkt sich Ihre Wahl. Wenn SpineCoach minimiert ist, holen Sie es über das Dock oder die Fensterliste zurück – oder Sie starten es erneut; „Datei &gt; Beenden“ beendet es immer.</translation>
    </message>
    <message>
        <source>Minimise</source>
        <translation>Minimieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>SpineCoach is still running</source>
        <translation>SpineCoach läuft weiter</translation>
    </message>
    <message>
        <source>SpineCoach keeps running in the tray so it can remind you to stand up. Choose Quit from its menu to stop it.</source>
        <translation>SpineCoach läuft im Infobereich weiter, damit es Sie ans Aufstehen erinnern kann. Zum Beenden wählen Sie in seinem Menü „SpineCoach beenden“.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Reminders starting…</source>
        <translation>Erinnerungen werden gestartet …</translation>
    </message>
    <message>
        <source>Answer the reminder (keyboard)</source>
        <translation>Auf die Erinnerung antworten (Tastatur)</translation>
    </message>
    <message>
        <source>Start 2-minute desk break</source>
        <translation>2-Minuten-Schreibtischpause starten</translation>
    </message>
    <message>
        <source>Log pain now…</source>
        <translation>Schmerzen jetzt eintragen …</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Erinnerungen pausieren</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>Für eine Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Until I resume them</source>
        <translation>Bis ich sie fortsetze</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Erinnerungen fortsetzen</translation>
    </message>
    <message>
        <source>Open SpineCoach</source>
        <translation>SpineCoach öffnen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Quit SpineCoach</source>
        <translation>SpineCoach beenden</translation>
    </message>
</context>
<context>
    <name>WorkingHoursEditor</name>
    <message>
        <source>“{text}” is not a time of day: type it like 08:30.</source>
        <translation>„{text}“ ist keine Uhrzeit: Geben Sie sie im Format 08:30 ein.</translation>
    </message>
    <message>
        <source>{day} start</source>
        <translation>{day}, Beginn</translation>
    </message>
    <message>
        <source>{day} end</source>
        <translation>{day}, Ende</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>{days}: the end must come after the start.</source>
        <translation>{days}: Das Ende muss nach dem Beginn liegen.</translation>
    </message>
</context>
</TS>
