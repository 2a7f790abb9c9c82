<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DetailView</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryArea</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain score(s)</source>
        <translation>
            <numerusform>%n pain score</numerusform>
            <numerusform>%n pain scores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “this hurts” answer(s)</source>
        <translation>
            <numerusform>%n “this hurts” answer</numerusform>
            <numerusform>%n “this hurts” answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s).</source>
        <translation>
            <numerusform>Imported %n row.</numerusform>
            <numerusform>Imported %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s)</source>
        <translation>
            <numerusform>Imported %n row</numerusform>
            <numerusform>Imported %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already here skipped</source>
        <translation>
            <numerusform>%n row already here skipped</numerusform>
            <numerusform>%n rows already here skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>after minus before, last %n</source>
        <translation>
            <numerusform>after minus before, last %n</numerusform>
            <numerusform>after minus before, last %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n more)</numerusform>
            <numerusform>(+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n row(s) cannot be imported and will be left out:</source>
        <translation>
            <numerusform>%n row cannot be imported and will be left out:</numerusform>
            <numerusform>%n rows cannot be imported and will be left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain score(s)</source>
        <translation>
            <numerusform>%n pain score</numerusform>
            <numerusform>%n pain scores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “this hurts” answer(s)</source>
        <translation>
            <numerusform>%n “this hurts” answer</numerusform>
            <numerusform>%n “this hurts” answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message numerus="yes">
        <source>%n library file(s) could not be loaded and (was|were) skipped. Everything else works.</source>
        <translation>
            <numerusform>%n library file could not be loaded and was skipped. Everything else works.</numerusform>
            <numerusform>%n library files could not be loaded and were skipped. Everything else works.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NothingFoundPage</name>
    <message numerus="yes">
        <source>%n routine(s) or exercise(s) match the words but not the filters.</source>
        <translation>
            <numerusform>%n routine or exercise matches the words but not the filters.</numerusform>
            <numerusform>%n routines or exercises match the words but not the filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing mentions {words}: try without them.</source>
        <translation>
            <numerusform>Nothing mentions {words}: try without it.</numerusform>
            <numerusform>Nothing mentions {words}: try without them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message numerus="yes">
        <source>{phase}, %n second(s)</source>
        <translation>
            <numerusform>{phase}, %n second</numerusform>
            <numerusform>{phase}, %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Snooze %n min</numerusform>
            <numerusform>Snooze %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message numerus="yes">
        <source>You have been sitting for %n minute(s).</source>
        <translation>
            <numerusform>You have been sitting for %n minute.</numerusform>
            <numerusform>You have been sitting for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Snooze %n min</numerusform>
            <numerusform>Snooze %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remind me again in %n minute(s); the arrow offers other times</source>
        <translation>
            <numerusform>Remind me again in %n minute; the arrow offers other times</numerusform>
            <numerusform>Remind me again in %n minutes; the arrow offers other times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n minute(s)</source>
        <translation>
            <numerusform>Snooze %n minute</numerusform>
            <numerusform>Snooze %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message numerus="yes">
        <source>%n value(s) outside the safe range.</source>
        <translation>
            <numerusform>%n value outside the safe range.</numerusform>
            <numerusform>%n values outside the safe range.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message numerus="yes">
        <source>%n entries could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n entry could not be saved yet: {why}. It is kept and will be saved as soon as the file can be written.</numerusform>
            <numerusform>%n entries could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) kept from an earlier run (has|have) been saved now.</source>
        <translation>
            <numerusform>%n entry kept from an earlier run has been saved now.</numerusform>
            <numerusform>%n entries kept from an earlier run have been saved now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) from an earlier run could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n entry from an earlier run could not be saved yet: {why}. It is kept and will be saved as soon as the file can be written.</numerusform>
            <numerusform>%n entries from an earlier run could not be saved yet: {why}. They are kept and will be saved as soon as the file can be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entr(y|ies) from an earlier run could not be saved yet. They are kept and will be saved as soon as the file can be written.</source>
        <translation>
            <numerusform>%n entry from an earlier run could not be saved yet. It is kept and will be saved as soon as the file can be written.</numerusform>
            <numerusform>%n entries from an earlier run could not be saved yet. They are kept and will be saved as soon as the file can be written.</numerusform>
        </translation>
    </message>
</context>
</TS>
