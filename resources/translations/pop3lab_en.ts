<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Announcer</name>
    <message>
        <source>The latest thing that happened: a diagram arrow, a lesson step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassOverview</name>
    <message numerus="yes">
        <source>Watching %n student(s).</source>
        <translation>
            <numerusform>Watching %n student.</numerusform>
            <numerusform>Watching %n students.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server reset the mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) missed: the window could not keep up.</source>
        <translation>
            <numerusform>%n event missed: the window could not keep up.</numerusform>
            <numerusform>%n events missed: the window could not keep up.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected (wrong token, or no observer stream there): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1:%2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this student&apos;s mailbox?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox of %1 is put back as it was at the start of the class: the sessions holding it are cut and their deletions are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting the mailbox of %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the 32 digits pop3lab-server printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Anonymise names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows Student 1, Student 2... instead of the account names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset This Student&apos;s Mailbox...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stude&amp;nts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;b Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classroom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the students&apos; POP3 server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter both tabs: a name, a state, a command, a trouble, an answer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the students and their results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reset every student&apos;s mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to reset the class: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reset the mailbox of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to reset the mailbox of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live since %1 (%2). The table shows the class as it was then: press Watch to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassRollModel</name>
    <message>
        <source>Student %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 -ERR in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ holds the lock, idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ cut off for too many errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ all %1 steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic options for your session, as on PuTTY&apos;s Session page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specify the destination you want to connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;Name (or IP address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;built-in server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not simulated: POP3 needs Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard and line ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close window on exit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only on clean exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local echo and line editing (PuTTY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No echo, each key sent as typed (Windows telnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CR LF (PuTTY, telnet: what RFC 1939 asks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LF only (netcat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the server built into pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw + &amp;STLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain TCP; when you type STLS and the server answers +OK, the terminal starts TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;LS from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS before the greeting (POP3S, port 995 on real servers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>Enter sends CR LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends a bare LF (netcat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local echo and line editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no echo, each key sent as typed (Windows telnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw + STLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataMigration</name>
    <message>
        <source>%1 is no longer used (pop3lab now keeps its data in %2, with pop3lab-server); delete it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be moved to %2: pop3lab starts from a new %3 folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 to %2 (shared with pop3lab-server).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagramExport</name>
    <message>
        <source>Unknown export format “%1”: use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The diagram is too long for one image (%n row(s)): filter it by session, or export a PDF.</source>
        <translation>
            <numerusform>The diagram is too long for one image (%n row): filter it by session, or export a PDF.</numerusform>
            <numerusform>The diagram is too long for one image (%n rows): filter it by session, or export a PDF.</numerusform>
        </translation>
    </message>
    <message>
        <source>POP3 sequence diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported by pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of pop3lab has no SVG support (Qt Svg was not found).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagramPane</name>
    <message>
        <source>Collapse login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the AUTHORIZATION exchange of each session as one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide NOOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest step in view (scroll back to stop, End to resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or fold the body of the selected multi-line reply (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (.txt)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (.%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an arrow to see what it means and where RFC 1939 describes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click the arrow, or press Enter, to show the body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the diagram as shown to a PNG, SVG, PDF or text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the saved trace %1, not live traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPLAY of %1: not live traffic. Nothing here reaches the server or the mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More diagram tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram tool&amp;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPLAY of %1: finished, paused on its last event (%2 of %2). Esc or Back to live returns to the live terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay: event 0 of %1.
Press Space or → to play the first event, P to play them all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EavesdropperPane</name>
    <message>
        <source>C→S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S→C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change cipher spec · %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert · %1 bytes, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake: %1 · %2 bytes (TLS parameters, no POP3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake · %1 bytes, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application data · %1 bytes, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The password, in clear: %1. Anyone on the path can log in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Base64 is not encryption: decoded, this is %1. The password %2 of %3 leaks as surely as after PASS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name, in clear: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APOP digest of %1: readable but not reusable. It is MD5(timestamp + password) and the next greeting has another timestamp, so a replay fails. MD5 is fast, though: with this line and the greeting, a weak password is guessed offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base64 decoded: %1. The user %2 and an HMAC-MD5 digest: readable but not reusable, it answers this connection&apos;s one-time challenge. A weak password can still be guessed offline from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCRAM-SHA-256 (%1): a salted, one-time proof. Readable but not reusable, and the password cannot be read from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SASL mechanism, in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS record %1 │ %2 … — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more lines in clear (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more encrypted records (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes that are not TLS records: %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No terminal tab.&lt;/b&gt; Open a session (File &gt; New Session) to see what crosses the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In clear: %1 bytes. Encrypted: %2 TLS records, %3 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Password readable on the wire: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password in clear: only digests an eavesdropper cannot reuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password readable on the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 older entries not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an eavesdropper sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes of the current terminal tab&apos;s connection as a capture on the path shows them: lines in clear before TLS, then only encrypted TLS records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eavesdropper summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;small&gt;Captured by a relay on 127.0.0.1 between this tab and the server: these are the bytes that really crossed the connection, as Wireshark would show them on the path. C→S: client to server; S→C: server to client.&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… 1 more line in clear (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… 1 more encrypted record (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultsMenu</name>
    <message>
        <source>Fa&amp;ults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drop This Connection Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slow Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At Full Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms per Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse the Next Login ([SYS/TEMP])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fail the Next Commit (UPDATE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;eliver a New Message to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;eliver a New Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in server dies: every connection is cut at once, its port refuses connections and the lock files stay behind. Restart it to see it find them stale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tart the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the killed server again on the same port: it finds the lock files it left and says they are stale; the next login clears them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the current terminal&apos;s connection only, as a network fault would: no QUIT, so no UPDATE; the lock is released. The server goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill the Server for Everyone, Leaving Its Locks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the built-in server for everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every connection is cut at once, not only this terminal&apos;s; the port refuses new ones until Faults › Restart the Server; the lock files stay behind, stale. To cut only this terminal&apos;s connection, use Drop This Connection Now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep It &amp;Running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandInDialog</name>
    <message>
        <source>&amp;Log In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand In Lab Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers go to the class server&apos;s answers port, as you: the user name and password of your login slip. The server checks each one against your own mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver and answers port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ wrong, try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has your answers; the latest one counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1:%2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1: %2 questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>pop3lab Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the docs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide is not bundled in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The developer documentation: architecture, diagram, lessons, performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docs folder could not be opened (no file manager answered). It is here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabOptions</name>
    <message>
        <source>pop3lab: learn POP3 by hand. A built-in server (student / hessovs!) listens on 127.0.0.1:1110 and a PuTTY-like raw terminal talks to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the mailbox copies and lock files live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server wording: dovecot, uw-ipop3d, rfc1939 or a .json file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port of the built-in server (default 1110, or the next free one; 0: any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again from fresh copies of the sample mailboxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the lab sheet in a terminal tab, check every reply, quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with control characters (CR, LF, stuffing dots) shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port expects a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo expects one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also serve the accounts of FILE: one &quot;name password mailbox&quot; per line (a class).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure how late the window&apos;s event loop runs for SECONDS, print it and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--frame-stats expects a number of seconds, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay a scenario at a class&apos;s pace and stay open (Space or P pauses): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds between two events of --demo (default 1500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: reset the student&apos;s mailbox first (a demo never changes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in presentation mode (full screen, everything larger; F11 leaves).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-pace expects milliseconds from 50 to 60000, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also serve a copy of this Maildir, mbox file or folder of .eml files (user --user, password --password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name for --mailbox (default: me).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for --mailbox (default: pop3lab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start lesson N (1 to %1) or the lesson with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s language: %1 (default: the one chosen in View &gt; Language, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--user and --password go with --mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language expects one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lesson expects a number from 1 to %1 or one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabResultsModel</name>
    <message>
        <source>Student %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Given: %2
Expected for this student&apos;s mailbox: %3
Tries: %4
At: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong: %1, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window and of the lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonExport</name>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1 (min:s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mistakes met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 — finished %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — hand-in of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#n is the session; C: client, S: server; passwords are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sequence diagram of this lesson&apos;s sessions follows on landscape pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>[… %n earlier line(s) omitted: only the last %1 lines are kept …]</source>
        <translation>
            <numerusform>[… %n earlier line omitted: only the last %1 lines are kept …]</numerusform>
            <numerusform>[… %n earlier lines omitted: only the last %1 lines are kept …]</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand-in of %1</source>
        <comment>the name starts with a vowel</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — hand-in of %2</source>
        <comment>the name starts with a vowel</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Choose a lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not quite — try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question is about a message that is not in the mailbox of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is logged in as %1: type `quit` there first, so the lock is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stale lock file now sits at `%1`. Log in again as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last greeting has no `&lt;timestamp&gt;`: switch to the rfc1939 personality and open a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type this line:

```
%1
```</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now uses the %1 personality for new sessions: open a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for hand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lesson is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lesson above. Each step says what to type in the terminal and why; it is ticked when the server really saw it happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will learn to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time: %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use **Export for hand-in** to save a PDF with your transcript and answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate a crash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute APOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the lesson again with a fresh copy of its mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PDF with the transcript, the diagram and your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as your teacher should read it on your hand-ins. Your progress is kept under this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now answers as %1, whose replies this lesson quotes (in the sessions opened from now on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one of the choices first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name printed on your hand-ins; progress is kept per name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lesson (from the keyboard: arrows browse, Enter starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 done: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to type in the terminal, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hints and mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You learnt to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔: done, ↷: skipped, ▶: the current step, ○: to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or fold the list of the lesson&apos;s steps (folded when the pane is short, so the step&apos;s words get the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lesson&apos;s steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 steps</source>
        <translation>
            <numerusform>%n of %1 steps</numerusform>
            <numerusform>%n of %1 steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2 skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson times you: from “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time, from “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is still logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still logged in as %1 hold(s) the mailbox&apos;s lock: %2. This lesson&apos;s login would be refused ([IN-USE]) until it is freed.</source>
        <translation>
            <numerusform>%n session still logged in as %1 holds the mailbox&apos;s lock: %2. This lesson&apos;s login would be refused ([IN-USE]) until it is freed.</numerusform>
            <numerusform>%n sessions still logged in as %1 hold the mailbox&apos;s lock: %2. This lesson&apos;s login would be refused ([IN-USE]) until it is freed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send QUIT in it now? QUIT ends the session cleanly and frees the lock (marked messages are deleted, as at any QUIT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a program outside this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (session %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonTracker</name>
    <message>
        <source>  [+ %1 lines, %2 octets]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- state %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- talks to another server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockWords</name>
    <message>
        <source>session %1 (%2), pid %3 on %4, since %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a stale lock, left by %2, a process that is gone (it crashed without releasing it); the next login of %3 clears it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a stale lock, left by %2: this program&apos;s server before it was killed (that session is gone and nothing removed the file); the next login of %3 clears it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale lock %1 left behind: the next login of %2 clears it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection dropped by the server (fault injected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server process died (fault injected): its lock was not released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client stopped reading in the middle of a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client closed the connection without QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lock file was already gone or held by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inferred from the client side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaildropModel</name>
    <message>
        <source>Message %1 is marked by DELE: QUIT removes it, RSET or a dropped connection keeps it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Octets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique-ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <comment>a message delivered since the login</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: delivered since the last login. It is on disk, but not in the open session&apos;s list: a session keeps the maildrop as it was when it logged in (RFC 1939). The next login sees it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaildropPane</name>
    <message>
        <source>Lock file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder holding the maildrop and its lock file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see it as stored, headers and all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the working copy away and copy the pristine sample again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELE only marks a message (struck through); QUIT removes it, RSET restores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not visible: a lock file lives on the server&apos;s own disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No lock file&lt;/b&gt; — nobody holds %1&apos;s maildrop. PASS creates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 (%2) since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tab talks to another server: its maildrop is on that server, out of sight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Maildrop of &lt;b&gt;%1&lt;/b&gt;: %n message(s), %2 octets</source>
        <translation>
            <numerusform>Maildrop of &lt;b&gt;%1&lt;/b&gt;: %n message, %2 octets</numerusform>
            <numerusform>Maildrop of &lt;b&gt;%1&lt;/b&gt;: %n messages, %2 octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked for deletion</source>
        <translation>
            <numerusform>%n marked for deletion</numerusform>
            <numerusform>%n marked for deletion</numerusform>
        </translation>
    </message>
    <message>
        <source>[... the rest of the message is not shown here ...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Lock file exists&lt;/b&gt; — held by %1. Another login gets &lt;code&gt;%2&lt;/code&gt; — QUIT or a disconnection removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in the maildrop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number, size, unique-id, sender and subject of each message; a message marked by DELE is struck through. Up and Down select a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected message as stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raw file of the selected message, headers and all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left by session %1 of this window&apos;s own server (process %2, still running), which was killed before it released the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left by process %1, which is no longer running (a crashed server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty file older than a minute: its writer died before filling it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left by process %1 before the machine last started (another boot id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left by process %1, which is no longer running: another program started later has its pid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stale lock file&lt;/b&gt; — %1. Nobody holds %2&apos;s maildrop: the next login removes the file and gets in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new, not in the open session&apos;s list (it sees %1)</source>
        <translation>
            <numerusform>%n new, not in the open session&apos;s list (it sees %1)</numerusform>
            <numerusform>%n new, not in the open session&apos;s list (it sees %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since the last login</source>
        <translation>
            <numerusform>%n new since the last login</numerusform>
            <numerusform>%n new since the last login</numerusform>
        </translation>
    </message>
    <message>
        <source>left by %1, whose session is gone: the teacher killed that server before it released the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left by %1, whose session is gone: its server ended without releasing the lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pop3lab — POP3 by hand, made visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Raw connection in a new terminal tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save transcript...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset mailbox...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the pristine sample mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show CR, LF and the byte-stuffing dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3lab &amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maildrop and lock file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in server listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in server not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personality: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server sessions: %1 · Terminal tabs connected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is open. Reset %1&apos;s mailbox to the pristine sample anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session is logged in as %1 and holds the maildrop. Resetting cuts it off (its deletion marks are lost, as after a dropped connection). Reset anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox could not be reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s mailbox is back to the pristine sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what this terminal tab sent and received as a text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the password (PASS ********)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;pop3lab %1&lt;/h3&gt;&lt;p&gt;Learn POP3 by hand, and see what the terminal hides: every command, reply, state change and the maildrop&apos;s lock file.&lt;/p&gt;&lt;p&gt;The built-in server knows &lt;b&gt;student&lt;/b&gt; / &lt;b&gt;hessovs!&lt;/b&gt; and &lt;b&gt;barakirs&lt;/b&gt; / &lt;b&gt;blacksun&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server personality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server keeps its personality: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the sequence &amp;diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;maildrop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close all c&amp;losed tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close every terminal tab whose connection has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram: %1 → server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram: server → %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay (not live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Personalities Side by Side...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault not injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch a class...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eavesdropper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;eavesdropper view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand In Lab Answers...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export for Hand-in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lesson first: a hand-in is the record of one lesson.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the hand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program opens %1 here: open it from its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3-transcript.txt</source>
        <comment>a file name</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalityCompareDialog</name>
    <message numerus="yes">
        <source>%1 (+%n line(s))</source>
        <translation>
            <numerusform>%1 (+%n line)</numerusform>
            <numerusform>%1 (+%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <source>Personalities Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script (one command per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no CAPA command: a client cannot ask what it offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the script: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(connect: greeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 replies differ (marked ≠ and in bold); the protocol is the same, only the words and what is offered change.</source>
        <translation>
            <numerusform>%n of %1 replies differ (marked ≠ and in bold); the protocol is the same, only the words and what is offered change.</numerusform>
            <numerusform>%n of %1 replies differ (marked ≠ and in bold); the protocol is the same, only the words and what is offered change.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not sent: the connection is closed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;line ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Personality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personality changes the server&apos;s wording for sessions opened from now on. RFC 1939 asks for an idle timeout of at least 10 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CR LF (PuTTY, telnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LF only (netcat)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, terminal and diagram side by side, everything larger (F11 again to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black on white with strong selection colours, for projectors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>%1 is a file name suffix, for example txt</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayPane</name>
    <message>
        <source>Replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to replay: a saved trace, this session so far, or a ready-made scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the first event (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo one event in every view (Shift+Space or Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more event (Space or Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the last event (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event per key press</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class pace (one event every %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast Play goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab sheet: log in, list, read, delete, QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second login while the maildrop is locked: [IN-USE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dropped connection keeps the mail (no UPDATE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no scenario called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved trace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>this session (%n event(s) so far)</source>
        <translation>
            <numerusform>this session (%n event so far)</numerusform>
            <numerusform>this session (%n events so far)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay a trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ── connected from %2 ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 C: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 S: %2 (+ %n line(s) of body)</source>
        <translation>
            <numerusform>%1 S: %2 (+ %n line of body)</numerusform>
            <numerusform>%1 S: %2 (+ %n lines of body)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 S: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    (lock file created: %2&apos;s maildrop is locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    (lock file removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1    (UPDATE: %n message(s) removed from the maildrop)</source>
        <translation>
            <numerusform>%1    (UPDATE: %n message removed from the maildrop)</numerusform>
            <numerusform>%1    (UPDATE: %n messages removed from the maildrop)</numerusform>
        </translation>
    </message>
    <message>
        <source>REPLAY of %1 — not live: nothing here reaches the server or the mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|| Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replay: choose a trace or a scenario under Replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server crashes holding the lock: the next login finds it stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 2000 tutorial: cleaning up a mail bomb with TOP and DELE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    (lock file refused: held by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    (stale lock file cleared: it was left by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>── server: %1 ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client&apos;s command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s reply (+OK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s reply (-ERR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale lock file cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message marked deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marks reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages removed (UPDATE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the replay here (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play at the chosen speed (P); Space steps one event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>── the server crashed: it held no lock ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>── the server crashed: %n lock file(s) left behind: %1 ──</source>
        <translation>
            <numerusform>── the server crashed: %n lock file left behind: %1 ──</numerusform>
            <numerusform>── the server crashed: %n lock files left behind: %1 ──</numerusform>
        </translation>
    </message>
    <message>
        <source>End the replay; the diagram shows the live server again (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>── server: stale lock found: %1, left by pid %2 (its session is gone); the next login of %3 clears it ──</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 C: %2   (pipelined: waits for the reply before it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client&apos;s command, pipelined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play at class pace, one event every %1 s (P); Space steps one event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ── %2 ──</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsExport</name>
    <message>
        <source>Lab results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server %1, %2. Each answer was checked against that student&apos;s own mailbox when it was given; the latest answer counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tries: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <source>Results written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab-results.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab-results.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Results as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Results as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson: %1. Each answer is checked by the server against that student&apos;s own mailbox; the latest answer counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;DF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson yet: a server that follows one sends it when the overview connects (pop3lab-server --class-lesson).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connection from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1… (%2 octets: too long)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  [%2, %3 octets]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file removed (no UPDATE): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock refused [IN-USE]: %1 exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale lock found and cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 marked deleted (still there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marks reset: %1 kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed after QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection dropped (%1): no UPDATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login as %1: %2 (%3 -ERR) collapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login as %1: %2 collapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client (%1) opens a TCP connection to the server; the server will greet it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is longer than POP3 allows (255 octets with CRLF); the server refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client answers the server&apos;s SASL challenge (base64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client names the mailbox to open (%1); the password comes next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sends the password, in clear text on the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client logs in with APOP: an MD5 digest of the greeting&apos;s timestamp and the password, so the password never crosses the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client starts a SASL login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks to switch the connection to TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks which extensions the server supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client ends the session: the server enters UPDATE, removes the messages marked deleted, then releases the lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client leaves before logging in: nothing is locked, nothing will change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks how many messages the maildrop holds and their total size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for the size of message %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for the list of messages and their sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for the whole of message %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks to delete message %1: it is only marked now, and removed at QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client checks that the server is still there; nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks to unmark every message marked deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for the header of message %1 and the first lines of its body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for unique-ids, to know which messages it has already seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client asks for the highest message number accessed (LAST, obsolete).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a POP3 command: a command is a keyword, a space and its arguments, with no colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a command the server knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line never got a reply: the connection ended first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server greets the client: the session is in AUTHORIZATION, waiting for a login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sends a SASL challenge and waits for the client&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejects the login; the session stays in AUTHORIZATION.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this command: -ERR, and the session goes on in the same state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only allowed in TRANSACTION, after logging in: -ERR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is only allowed in AUTHORIZATION: the session is already logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPDATE failed: the marked messages could not all be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refuses %1: -ERR, nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepts the name and waits for the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server checks the password, locks the maildrop and enters TRANSACTION.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers: the number of messages and their size in octets (marked messages are not counted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gives the number and size in octets of message %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sends message %1: %2, %3 octets, ended by a line with a single dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server marks message %1 as deleted. It is still in the maildrop until UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does nothing and says +OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server unmarks every message: nothing will be deleted at QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sends the header and the first lines of message %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sends unique-ids, which stay the same from one session to the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server lists its capabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has removed the marked messages and released the lock; it says goodbye and closes the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server says goodbye; nothing was locked, nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepts: +OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection dropped before the whole body was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server creates the lock file %1: until it is removed, no other session can open this maildrop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second login finds the lock file %1 (held by %2): it is refused with [IN-USE].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed; there is no UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock file is removed: the maildrop is free for the next session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lock file left by a server that no longer runs (%1) is found and removed, so the login can go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 is marked deleted: hidden from this session, but still in the maildrop until QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closes the connection after QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client went away without QUIT: the session never enters UPDATE, so nothing marked is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server logs the client out after too long without a command (autologout): no UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closes the connection after too many bad commands: no UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server shuts down: the session ends without UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed: the session ends without UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTHORIZATION, collapsed: %1 exchanged to log in as %2; the session is now in TRANSACTION.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §4 (The AUTHORIZATION State)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §5 (The TRANSACTION State)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §6 (The UPDATE State)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §7 (Optional POP3 Commands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §3 (Basic Operation: the autologout timer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §4; RFC 2449 §8.1.2 ([IN-USE])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 2449 §5 (The CAPA Command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 5034 §4 (The AUTH Command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 2595 §4 (POP3 STARTTLS extension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1460 (LAST, removed from RFC 1725 on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 1939 §3 (Basic Operation: commands and replies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>lock removed, no UPDATE: message(s) %1 NOT deleted</source>
        <translation>
            <numerusform>lock removed, no UPDATE: message %1 NOT deleted</numerusform>
            <numerusform>lock removed, no UPDATE: messages %1 NOT deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UPDATE: message(s) %1 removed for good</source>
        <translation>
            <numerusform>UPDATE: message %1 removed for good</numerusform>
            <numerusform>UPDATE: messages %1 removed for good</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>connection dropped (%1): no UPDATE, message(s) %2 kept</source>
        <translation>
            <numerusform>connection dropped (%1): no UPDATE, message %2 kept</numerusform>
            <numerusform>connection dropped (%1): no UPDATE, messages %2 kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n message(s) not marked deleted: number and size in octets, then a line with a single dot.</source>
        <translation>
            <numerusform>The server lists %n message not marked deleted: number and size in octets, then a line with a single dot.</numerusform>
            <numerusform>The server lists %n messages not marked deleted: number and size in octets, then a line with a single dot.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marks removed from message(s) %1: they will not be deleted.</source>
        <translation>
            <numerusform>Marks removed from message %1: they will not be deleted.</numerusform>
            <numerusform>Marks removed from messages %1: they will not be deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UPDATE: the server removes message(s) %1 from the maildrop for good.</source>
        <translation>
            <numerusform>UPDATE: the server removes message %1 from the maildrop for good.</numerusform>
            <numerusform>UPDATE: the server removes messages %1 from the maildrop for good.</numerusform>
        </translation>
    </message>
    <message>
        <source>client left without QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autologout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many bad commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>mailbox of %1 reset to a fresh copy (%n message(s))</source>
        <translation>
            <numerusform>mailbox of %1 reset to a fresh copy (%n message)</numerusform>
            <numerusform>mailbox of %1 reset to a fresh copy (%n messages)</numerusform>
        </translation>
    </message>
    <message>
        <source>mailbox of %1 reset to a fresh copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server now answers as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the teacher cut this connection (a simulated network fault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a crashed server&apos;s lock was left behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPDATE failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the maildrop could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the maildrop was read with a warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file descriptor left: new clients are refused until some leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher reset %1&apos;s mailbox: the workspace copy was replaced by a fresh copy of the sample, so every message is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on the server words its replies as %1 does; the protocol is the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson left the lock file %1 of a server that crashed: its holder&apos;s process is gone, so the lock is stale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answered on %1: the connection was refused (no server listens on that port), so no POP3 session began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name in %1 could not be resolved to an address: no connection, no POP3 session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closes the connection after three failed logins, each answered later than the one before: guessing a password is slow by design.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dovecot waited about ten seconds for the lock, answered [IN-USE] and closed the connection: open a new session once the other one has quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the teacher slowed the server: %1 ms per reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answers at full speed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the teacher made this login fail (a simulated storage fault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the server crashed, leaving %n lock file(s) behind</source>
        <translation>
            <numerusform>the server crashed, leaving %n lock file behind</numerusform>
            <numerusform>the server crashed, leaving %n lock files behind</numerusform>
        </translation>
    </message>
    <message>
        <source>a new message was delivered to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher took the delay away: every reply is sent at once again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher slowed the server down: each reply now waits %1 ms. A client that sends several commands at once (pipelining) gets the replies in order, one by one; a client with a short timeout may give up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher made the storage fail for this login: the password was right, but the maildrop could not be opened, so the server answers -ERR [SYS/TEMP] (RFC 3206: a temporary system problem, try again later). Nothing is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher killed the server: every connection was cut at once, with no goodbye and no UPDATE. No lock was held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher killed the server: every connection was cut at once, with no goodbye and no UPDATE, and the lock files were not removed (%1). The server restarted; the next login of that user finds the lock stale (its session is gone), removes it and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new message was delivered to %1&apos;s maildrop (%2). A session already logged in does not see it: it works on the maildrop as it was at login (RFC 1939). It shows at the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: no process has the pid written in it any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: it was written before the machine last started (its boot id differs), so whatever process has that pid now is not its holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: a process has that pid, but it started at another time than the holder written in the file: the pid was reused by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: this server wrote it for a session that has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: it is empty (its writer died before filling it) and older than a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 octets sent after STLS were discarded unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client and server agreed on keys (the TLS handshake: %1). From here on, every line in both directions is encrypted: someone on the path sees only opaque records, not the commands, the password or the mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sent %1 octets after STLS without waiting for +OK. The server throws them away unread (RFC 2595): whatever was written before the encryption began could have been injected by someone on the path (CVE-2011-0411).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the teacher made this commit stop half-way (a simulated write error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The teacher made UPDATE stop half-way with a write error: the journal naming the %n message(s) marked deleted was written, only some were removed, and the server says -ERR [SYS/TEMP]. The mailbox stays consistent: the next login finishes the journal, so every marked message goes and no other (the commit is all or nothing).</source>
        <translation>
            <numerusform>The teacher made UPDATE stop half-way with a write error: the journal naming the %n message marked deleted was written, only some were removed, and the server says -ERR [SYS/TEMP]. The mailbox stays consistent: the next login finishes the journal, so every marked message goes and no other (the commit is all or nothing).</numerusform>
            <numerusform>The teacher made UPDATE stop half-way with a write error: the journal naming the %n messages marked deleted was written, only some were removed, and the server says -ERR [SYS/TEMP]. The mailbox stays consistent: the next login finishes the journal, so every marked message goes and no other (the commit is all or nothing).</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypted (TLS): an eavesdropper sees only an opaque record of some octets, not this line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads this reply in clear, body included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads this reply in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name and the CRAM-MD5 digest: readable but not reusable, since it answers this connection&apos;s one-time challenge. It is still MD5: with the challenge and the digest, passwords can be tried offline, very fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads a SCRAM-SHA-256 message: salted and not reusable; the password can only be guessed offline, slowly (many rounds of SHA-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper decodes this base64 at once: with %1 it holds the user name and the password, in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password leaks: an eavesdropper reads &quot;%1&quot; in clear and can log in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name (%1) in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name and the MD5 digest: readable but not reusable, since it mixes the password with this greeting&apos;s timestamp, which changes every connection. MD5 is no longer enough: with the timestamp and the digest, passwords can be tried offline by the billion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper decodes the initial response (base64) at once: it holds the user name and the password, in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads which SASL mechanism is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads STLS in clear; after the server&apos;s +OK it sees nothing but encrypted records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eavesdropper reads this line in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE] and the server closes the connection (Dovecot first waits about ten seconds for the lock). Open a new session once the other one has quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE]; the session is still in AUTHORIZATION and may try again once the other one has quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE]. Dovecot then closes the connection; a server that keeps it open lets the client try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed, but the session never enters UPDATE, so message %1, marked deleted, stays in the maildrop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed, but the session never enters UPDATE, so messages %1, marked deleted, stay in the maildrop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 stays in the maildrop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages %1 stay in the maildrop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale lock found at restart: %1, left by the killed server&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale lock found at start: %1, left by pid %2 (gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started again, the server found the lock file %1 of %2&apos;s maildrop: the server killed from the Faults menu left it (the session that held it is gone and nothing removed the file). Nobody holds the maildrop now: the lock is stale. The next login of %2 finds it stale, removes it and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At start the server found the lock file %1 of %2&apos;s maildrop, written by process %3, which no longer runs: it crashed or was killed without removing its lock. Nobody holds the maildrop: the lock is stale. The next login of %2 finds it stale, removes it and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client sent this line before the reply to its previous command had arrived (pipelining, RFC 2449): the server keeps it and answers each line in turn, so the replies come back in the order of the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed by the server after [IN-USE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server killed by the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher dropped this connection (Faults › Drop This Connection Now): the server closed it on purpose, as a network fault would. The session ends without UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher killed the server (Faults › Kill the Server): the connection died with it, and the session ends without UPDATE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answers “%1”, further up: the client sent several commands without waiting for their replies (pipelining), and the replies come back in the order of the commands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SequencePainter</name>
    <message>
        <source>   (no reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maildrop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock file band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built into pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <comment>the server&apos;s lane, short for: built into pop3lab</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock band</source>
        <comment>the maildrop&apos;s lane, short for: lock file band</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 · bar: state</source>
        <comment>the lane&apos;s bar is coloured by the session&apos;s state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   (pipelined)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SequenceView</name>
    <message>
        <source>Sequence diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POP3 traffic yet.
Connect a terminal to the built-in server, or open a trace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No POP3 traffic yet.
What the student types next appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ Follow the newest (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to the newest step and keep it in view, as a terminal does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentWindow</name>
    <message>
        <source>[%1] (connection closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: live diagram and transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing typed yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalPane</name>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another connection in a new tab (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session: File ▸ New session (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show CR (\r), LF (\n), the byte-stuffing dots and the end of each multi-line reply: what really crosses the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show CR, LF, the byte-stuffing dots and the end of each multi-line reply: what really crosses the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close all c&amp;losed tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this session are marked for deletion. Closing the tab drops the connection without QUIT: the server deletes nothing and the marks are lost. Close it anyway?</source>
        <translation>
            <numerusform>%n message of this session is marked for deletion. Closing the tab drops the connection without QUIT: the server deletes nothing and the mark is lost. Close it anyway?</numerusform>
            <numerusform>%n messages of this session are marked for deletion. Closing the tab drops the connection without QUIT: the server deletes nothing and the marks are lost. Close it anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cut)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection could not be opened. Enter or right-click: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cut this connection without a QUIT. Enter or right-click: restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is closed. Enter or right-click: restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · closed · Enter: restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 showed a certificate that this computer does not trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Encryption would still hide what you type from an eavesdropper, but nothing proves that you talk to the real server: someone on the path could show their own certificate and read everything. A self-signed certificate (like the one pop3lab or pop3lab-server makes for itself) always looks like this.&lt;/p&gt;&lt;p&gt;Compare this SHA-256 fingerprint with the one the server printed when it started (or the one the teacher shows). Continue only if they are the same.&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Why it is not trusted: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue: the fingerprints match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session: Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (closed, [IN-USE])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed this connection after -ERR [IN-USE]: another session holds the mailbox&apos;s lock. Enter or right-click: restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Enter: restart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <source>Connection closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autologout: the session was idle too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many bad commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server was shut down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a network error on the server&apos;s side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 (%2)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said +OK to STLS: starting the TLS handshake...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose to trust this certificate (SHA-256 %1) for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You did not trust this certificate: the connection is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is on: from here an eavesdropper sees only encrypted records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol: %1, cipher: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted automatically: this is the built-in server&apos;s own certificate, which the window knows (its fingerprint is the one above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now waits for a TLS handshake, but this tab is %1: it cannot start TLS. Open a new session with &quot;Raw + STLS&quot; to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server was killed (Faults › Kill the Server), leaving its lock file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cut the connection without a QUIT (it crashed, was stopped or dropped the connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cut the connection without a QUIT (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n message(s) marked with DELE were not deleted.</source>
        <translation>
            <numerusform>The message marked with DELE was not deleted.</numerusform>
            <numerusform>The %n messages marked with DELE were not deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT, but the commit failed (see the -ERR above): it stopped half-way, so some marked messages are already gone. The server&apos;s journal lists them all: the next login finishes the commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT, but the commit failed (see the -ERR above): some messages marked with DELE may not have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the teacher dropped this connection (Faults › Drop This Connection Now): the server closed it on purpose, as a network fault would; its lock is released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed by the server after -ERR [IN-USE]: another session holds the mailbox&apos;s lock. Once it has quit, press Enter to log in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message numerus="yes">
        <source>... %n line(s) scrolled past faster than anyone can read (Save transcript keeps them) ...</source>
        <translation>
            <numerusform>... %n line scrolled past faster than anyone can read (Save transcript keeps it) ...</numerusform>
            <numerusform>... %n lines scrolled past faster than anyone can read (Save transcript keeps them) ...</numerusform>
        </translation>
    </message>
    <message>
        <source>end of the multi-line reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the same connection again in this tab (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal to %1, closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is closed. Press Enter to restart the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a POP3 command and press Enter to send it. The server&apos;s replies are shown below what you typed; +OK in green, -ERR in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session restarted: a new connection below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>RFC 1939 examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3lab (plain wording)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>pop3lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personality saved in the preferences could not be loaded: %1. The server uses %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pop3::ObserverClient</name>
    <message numerus="yes">
        <source>no observer stream answered within %n second(s)</source>
        <translation>
            <numerusform>no observer stream answered within %n second</numerusform>
            <numerusform>no observer stream answered within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>the server closed the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the observer port is the one pop3lab-server printed after &quot;observer stream on&quot;, with its token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that port said &quot;%1&quot;, which is not the observer stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused: nothing listens on that port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line of the stream is too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
