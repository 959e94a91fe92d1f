<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Announcer</name>
    <message>
        <source>The latest thing that happened: a diagram arrow, a lesson step</source>
        <translation>La dernière chose qui s&apos;est passée : une flèche du diagramme, une étape de leçon</translation>
    </message>
</context>
<context>
    <name>ClassOverview</name>
    <message numerus="yes">
        <source>Watching %n student(s).</source>
        <translation>
            <numerusform>%n élève observé.</numerusform>
            <numerusform>%n élèves observés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server reset the mailbox.</source>
        <translation>Le serveur a réinitialisé la boîte aux lettres.</translation>
    </message>
    <message>
        <source>The server refused the reset: %1</source>
        <translation>Le serveur a refusé la réinitialisation : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) missed: the window could not keep up.</source>
        <translation>
            <numerusform>%n événement manqué : la fenêtre n&apos;a pas suivi.</numerusform>
            <numerusform>%n événements manqués : la fenêtre n&apos;a pas suivi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected (wrong token, or no observer stream there): %1</source>
        <translation>Non connecté (jeton erroné, ou pas de flux d&apos;observation à cette adresse) : %1</translation>
    </message>
    <message>
        <source>The stream ended: %1</source>
        <translation>Le flux s&apos;est arrêté : %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2...</source>
        <translation>Connexion à %1:%2...</translation>
    </message>
    <message>
        <source>Reset this student&apos;s mailbox?</source>
        <translation>Réinitialiser la boîte aux lettres de cet élève ?</translation>
    </message>
    <message>
        <source>The mailbox of %1 is put back as it was at the start of the class: the sessions holding it are cut and their deletions are lost.</source>
        <translation>La boîte aux lettres de %1 est remise dans l&apos;état du début du cours : les sessions qui la tiennent sont coupées et leurs suppressions sont perdues.</translation>
    </message>
    <message>
        <source>Reset the Mailbox</source>
        <translation>Réinitialiser la boîte</translation>
    </message>
    <message>
        <source>Resetting the mailbox of %1...</source>
        <translation>Réinitialisation de la boîte aux lettres de %1...</translation>
    </message>
    <message>
        <source>Class overview</source>
        <translation>Vue d&apos;ensemble de la classe</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>the 32 digits pop3lab-server printed</source>
        <translation>les 32 chiffres affichés par pop3lab-server</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Observer</translation>
    </message>
    <message>
        <source>&amp;Anonymise names</source>
        <translation>&amp;Anonymiser les noms</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <source>Shows Student 1, Student 2... instead of the account names</source>
        <translation>Affiche Élève 1, Élève 2... au lieu des noms de compte</translation>
    </message>
    <message>
        <source>&amp;Open Diagram</source>
        <translation>Ou&amp;vrir le diagramme</translation>
    </message>
    <message>
        <source>&amp;Reset This Student&apos;s Mailbox...</source>
        <translation>&amp;Réinitialiser la boîte de cet élève...</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Stude&amp;nts</source>
        <translation>É&amp;lèves</translation>
    </message>
    <message>
        <source>La&amp;b Results</source>
        <translation>Résultats du &amp;TP</translation>
    </message>
    <message>
        <source>classroom server</source>
        <translation>serveur de la classe</translation>
    </message>
    <message>
        <source>the students&apos; POP3 server</source>
        <translation>le serveur POP3 des élèves</translation>
    </message>
    <message>
        <source>Filter both tabs: a name, a state, a command, a trouble, an answer...</source>
        <translation>Filtrer les deux onglets : un nom, un état, une commande, une difficulté, une réponse...</translation>
    </message>
    <message>
        <source>Filter the students and their results</source>
        <translation>Filtrer les élèves et leurs résultats</translation>
    </message>
    <message>
        <source>The server reset every student&apos;s mailbox.</source>
        <translation>Le serveur a réinitialisé la boîte aux lettres de chaque élève.</translation>
    </message>
    <message>
        <source>The server refused to reset the class: %1</source>
        <translation>Le serveur a refusé de réinitialiser la classe : %1</translation>
    </message>
    <message>
        <source>The server reset the mailbox of %1.</source>
        <translation>Le serveur a réinitialisé la boîte aux lettres de %1.</translation>
    </message>
    <message>
        <source>The server refused to reset the mailbox of %1: %2</source>
        <translation>Le serveur a refusé de réinitialiser la boîte aux lettres de %1 : %2</translation>
    </message>
    <message>
        <source>Not live since %1 (%2). The table shows the class as it was then: press Watch to connect again.</source>
        <translation>Plus en direct depuis %1 (%2). Le tableau montre la classe telle qu&apos;elle était alors : appuyez sur Observer pour vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>ClassRollModel</name>
    <message>
        <source>Student %1</source>
        <translation>Élève %1</translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>pas encore vu</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>⚠ %1 -ERR in a row</source>
        <translation>⚠ %1 -ERR d&apos;affilée</translation>
    </message>
    <message>
        <source>⚠ holds the lock, idle</source>
        <translation>⚠ garde le verrou, inactif</translation>
    </message>
    <message>
        <source>⚠ cut off for too many errors</source>
        <translation>⚠ coupé pour trop d&apos;erreurs</translation>
    </message>
    <message>
        <source>held</source>
        <translation>détenu</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>Last command</source>
        <translation>Dernière commande</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Inactif depuis</translation>
    </message>
    <message>
        <source>Trouble</source>
        <translation>Difficulté</translation>
    </message>
    <message>
        <source>✓ all %1 steps done</source>
        <translation>✓ les %1 étapes faites</translation>
    </message>
    <message>
        <source>step %1 of %2: %3</source>
        <translation>étape %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Lesson step</source>
        <translation>Étape de la leçon</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Basic options for your session, as on PuTTY&apos;s Session page.</source>
        <translation>Options de base de votre session, comme dans la page Session de PuTTY.</translation>
    </message>
    <message>
        <source>Specify the destination you want to connect to</source>
        <translation>Indiquez la destination à laquelle vous voulez vous connecter</translation>
    </message>
    <message>
        <source>Host &amp;Name (or IP address)</source>
        <translation>&amp;Nom d&apos;hôte (ou adresse IP)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>Use the &amp;built-in server</source>
        <translation>Utiliser le serveur &amp;intégré</translation>
    </message>
    <message>
        <source>Connection type:</source>
        <translation>Type de connexion :</translation>
    </message>
    <message>
        <source>&amp;Raw</source>
        <translation>&amp;Raw (brut)</translation>
    </message>
    <message>
        <source>Telnet</source>
        <translation>Telnet</translation>
    </message>
    <message>
        <source>Not simulated: POP3 needs Raw</source>
        <translation>Non simulé : POP3 se fait en Raw</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Keyboard and line ending</source>
        <translation>Clavier et fin de ligne</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Touches</translation>
    </message>
    <message>
        <source>&amp;Enter sends</source>
        <translation>&amp;Entrée envoie</translation>
    </message>
    <message>
        <source>Close window on exit:</source>
        <translation>Fermer la fenêtre à la sortie :</translation>
    </message>
    <message>
        <source>&amp;Always</source>
        <translation>T&amp;oujours</translation>
    </message>
    <message>
        <source>Ne&amp;ver</source>
        <translation>&amp;Jamais</translation>
    </message>
    <message>
        <source>&amp;Only on clean exit</source>
        <translation>Se&amp;ulement si la sortie est propre</translation>
    </message>
    <message>
        <source>Local echo and line editing (PuTTY)</source>
        <translation>Écho local et édition de ligne (PuTTY)</translation>
    </message>
    <message>
        <source>No echo, each key sent as typed (Windows telnet)</source>
        <translation>Sans écho, chaque touche envoyée aussitôt (telnet de Windows)</translation>
    </message>
    <message>
        <source>CR LF (PuTTY, telnet: what RFC 1939 asks)</source>
        <translation>CR LF (PuTTY, telnet : ce que demande la RFC 1939)</translation>
    </message>
    <message>
        <source>LF only (netcat)</source>
        <translation>LF seul (netcat)</translation>
    </message>
    <message>
        <source>%1, the server built into pop3lab</source>
        <translation>%1, le serveur intégré à pop3lab</translation>
    </message>
    <message>
        <source>Raw + &amp;STLS</source>
        <translation>Raw + &amp;STLS</translation>
    </message>
    <message>
        <source>Plain TCP; when you type STLS and the server answers +OK, the terminal starts TLS</source>
        <translation>TCP en clair ; quand vous tapez STLS et que le serveur répond +OK, le terminal démarre TLS</translation>
    </message>
    <message>
        <source>T&amp;LS from the start</source>
        <translation>T&amp;LS dès le début</translation>
    </message>
    <message>
        <source>TLS before the greeting (POP3S, port 995 on real servers)</source>
        <translation>TLS avant l&apos;accueil (POP3S, port 995 sur les vrais serveurs)</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>Enter sends CR LF</source>
        <translation>Entrée envoie CR LF</translation>
    </message>
    <message>
        <source>Enter sends a bare LF (netcat)</source>
        <translation>Entrée envoie un LF seul (netcat)</translation>
    </message>
    <message>
        <source>local echo and line editing</source>
        <translation>écho local et édition de ligne</translation>
    </message>
    <message>
        <source>no echo, each key sent as typed (Windows telnet)</source>
        <translation>sans écho, chaque touche envoyée aussitôt (telnet de Windows)</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4</source>
        <translation>%1 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Raw + STLS</source>
        <translation>Raw + STLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
</context>
<context>
    <name>DataMigration</name>
    <message>
        <source>%1 is no longer used (pop3lab now keeps its data in %2, with pop3lab-server); delete it when you no longer need it.</source>
        <translation>%1 n&apos;est plus utilisé (pop3lab garde désormais ses données dans %2, avec pop3lab-server) ; supprimez-le quand vous n&apos;en avez plus besoin.</translation>
    </message>
    <message>
        <source>%1 could not be moved to %2: pop3lab starts from a new %3 folder.</source>
        <translation>%1 n&apos;a pas pu être déplacé vers %2 : pop3lab repart d&apos;un nouveau dossier %3.</translation>
    </message>
    <message>
        <source>Moved %1 to %2 (shared with pop3lab-server).</source>
        <translation>%1 déplacé vers %2 (partagé avec pop3lab-server).</translation>
    </message>
</context>
<context>
    <name>DiagramExport</name>
    <message>
        <source>Unknown export format “%1”: use one of %2.</source>
        <translation>Format d&apos;export « %1 » inconnu : utilisez l&apos;un de %2.</translation>
    </message>
    <message numerus="yes">
        <source>The diagram is too long for one image (%n row(s)): filter it by session, or export a PDF.</source>
        <translation>
            <numerusform>Le diagramme est trop long pour une seule image (%n ligne) : filtrez-le par session, ou exportez un PDF.</numerusform>
            <numerusform>Le diagramme est trop long pour une seule image (%n lignes) : filtrez-le par session, ou exportez un PDF.</numerusform>
        </translation>
    </message>
    <message>
        <source>POP3 sequence diagram</source>
        <translation>Diagramme de séquence POP3</translation>
    </message>
    <message>
        <source>Exported by pop3lab</source>
        <translation>Exporté par pop3lab</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>This build of pop3lab has no SVG support (Qt Svg was not found).</source>
        <translation>Cette version de pop3lab ne gère pas le SVG (Qt Svg est introuvable).</translation>
    </message>
</context>
<context>
    <name>DiagramPane</name>
    <message>
        <source>Collapse login</source>
        <translation>Replier la connexion</translation>
    </message>
    <message>
        <source>Draw the AUTHORIZATION exchange of each session as one step</source>
        <translation>Dessiner l&apos;échange AUTHORIZATION de chaque session en une seule étape</translation>
    </message>
    <message>
        <source>Hide NOOP</source>
        <translation>Masquer NOOP</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Keep the newest step in view (scroll back to stop, End to resume)</source>
        <translation>Garder la dernière étape visible (remonter pour arrêter, Fin pour reprendre)</translation>
    </message>
    <message>
        <source>Show body</source>
        <translation>Afficher le corps</translation>
    </message>
    <message>
        <source>Show or fold the body of the selected multi-line reply (Enter)</source>
        <translation>Afficher ou replier le corps de la réponse multiligne sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Plain text (.txt)…</source>
        <translation>Texte brut (.txt)…</translation>
    </message>
    <message>
        <source>%1 (.%2)…</source>
        <translation>%1 (.%2)…</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>Exporter le diagramme</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>Ouvrir une trace…</translation>
    </message>
    <message>
        <source>Save trace…</source>
        <translation>Enregistrer la trace…</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Revenir au direct</translation>
    </message>
    <message>
        <source>Click an arrow to see what it means and where RFC 1939 describes it.</source>
        <translation>Cliquez sur une flèche pour voir ce qu&apos;elle signifie et où la RFC 1939 la décrit.</translation>
    </message>
    <message>
        <source>Hide body</source>
        <translation>Masquer le corps</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Toutes les sessions</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>Session %1 : %2</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>événement %1</translation>
    </message>
    <message>
        <source>Double-click the arrow, or press Enter, to show the body.</source>
        <translation>Double-cliquez sur la flèche, ou appuyez sur Entrée, pour afficher le corps.</translation>
    </message>
    <message>
        <source>There is nothing to save.</source>
        <translation>Il n&apos;y a rien à enregistrer.</translation>
    </message>
    <message>
        <source>Open a trace</source>
        <translation>Ouvrir une trace</translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl);;All files (*)</source>
        <translation>Traces pop3lab (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation>Impossible d&apos;ouvrir la trace</translation>
    </message>
    <message>
        <source>Save the trace</source>
        <translation>Enregistrer la trace</translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl)</source>
        <translation>Traces pop3lab (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot save the trace</source>
        <translation>Impossible d&apos;enregistrer la trace</translation>
    </message>
    <message>
        <source>Write the diagram as shown to a PNG, SVG, PDF or text file</source>
        <translation>Écrire le diagramme tel qu&apos;il est affiché dans un fichier PNG, SVG, PDF ou texte</translation>
    </message>
    <message>
        <source>Showing the saved trace %1, not live traffic.</source>
        <translation>Vous voyez la trace enregistrée %1, pas le trafic en direct.</translation>
    </message>
    <message>
        <source>Selected step</source>
        <translation>Étape sélectionnée</translation>
    </message>
    <message>
        <source>REPLAY of %1: not live traffic. Nothing here reaches the server or the mailbox.</source>
        <translation>RELECTURE — %1 : pas du trafic en direct. Rien ici n&apos;atteint le serveur ni la boîte aux lettres.</translation>
    </message>
    <message>
        <source>More diagram tools</source>
        <translation>Autres outils du diagramme</translation>
    </message>
    <message>
        <source>Diagram tool&amp;s</source>
        <translation>Outil&amp;s du diagramme</translation>
    </message>
    <message>
        <source>REPLAY of %1: finished, paused on its last event (%2 of %2). Esc or Back to live returns to the live terminal.</source>
        <translation>RELECTURE — %1 : terminée, en pause sur son dernier événement (%2 sur %2). Échap ou « Revenir au direct » ramène le terminal en direct.</translation>
    </message>
    <message>
        <source>Replay: event 0 of %1.
Press Space or → to play the first event, P to play them all.</source>
        <translation>Relecture : événement 0 sur %1.
Espace ou → joue le premier événement, P les joue tous.</translation>
    </message>
</context>
<context>
    <name>EavesdropperPane</name>
    <message>
        <source>C→S</source>
        <translation>C→S</translation>
    </message>
    <message>
        <source>S→C</source>
        <translation>S→C</translation>
    </message>
    <message>
        <source>change cipher spec · %1 bytes</source>
        <translation>changement de chiffrement · %1 octets</translation>
    </message>
    <message>
        <source>alert · %1 bytes, encrypted</source>
        <translation>alerte · %1 octets, chiffrés</translation>
    </message>
    <message>
        <source>handshake: %1 · %2 bytes (TLS parameters, no POP3)</source>
        <translation>négociation : %1 · %2 octets (paramètres TLS, pas de POP3)</translation>
    </message>
    <message>
        <source>handshake · %1 bytes, encrypted</source>
        <translation>négociation · %1 octets, chiffrés</translation>
    </message>
    <message>
        <source>application data · %1 bytes, encrypted</source>
        <translation>données applicatives · %1 octets, chiffrés</translation>
    </message>
    <message>
        <source>⚠ The password, in clear: %1. Anyone on the path can log in with it.</source>
        <translation>⚠ Le mot de passe, en clair : %1. Quiconque sur le chemin peut se connecter avec.</translation>
    </message>
    <message>
        <source>⚠ Base64 is not encryption: decoded, this is %1. The password %2 of %3 leaks as surely as after PASS.</source>
        <translation>⚠ Base64 n&apos;est pas un chiffrement : une fois décodé, c&apos;est %1. Le mot de passe %2 de %3 fuit aussi sûrement qu&apos;après PASS.</translation>
    </message>
    <message>
        <source>The user name, in clear: %1.</source>
        <translation>Le nom d&apos;utilisateur, en clair : %1.</translation>
    </message>
    <message>
        <source>APOP digest of %1: readable but not reusable. It is MD5(timestamp + password) and the next greeting has another timestamp, so a replay fails. MD5 is fast, though: with this line and the greeting, a weak password is guessed offline.</source>
        <translation>Empreinte APOP de %1 : lisible mais pas réutilisable. C&apos;est MD5(horodatage + mot de passe) et l&apos;accueil suivant a un autre horodatage : la rejouer échoue. Mais MD5 est rapide : avec cette ligne et l&apos;accueil, un mot de passe faible se devine hors ligne.</translation>
    </message>
    <message>
        <source>Base64 decoded: %1. The user %2 and an HMAC-MD5 digest: readable but not reusable, it answers this connection&apos;s one-time challenge. A weak password can still be guessed offline from it.</source>
        <translation>Base64 décodé : %1. L&apos;utilisateur %2 et une empreinte HMAC-MD5 : lisible mais pas réutilisable, elle répond au défi à usage unique de cette connexion. Un mot de passe faible peut encore s&apos;en deviner hors ligne.</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256 (%1): a salted, one-time proof. Readable but not reusable, and the password cannot be read from it.</source>
        <translation>SCRAM-SHA-256 (%1) : une preuve salée, à usage unique. Lisible mais pas réutilisable, et le mot de passe ne peut pas s&apos;en lire.</translation>
    </message>
    <message>
        <source>The SASL mechanism, in clear.</source>
        <translation>Le mécanisme SASL, en clair.</translation>
    </message>
    <message>
        <source>TLS record %1 │ %2 … — %3</source>
        <translation>Enregistrement TLS %1 │ %2 … — %3</translation>
    </message>
    <message>
        <source>… %1 more lines in clear (%2 bytes)</source>
        <translation>… %1 lignes de plus en clair (%2 octets)</translation>
    </message>
    <message>
        <source>… %1 more encrypted records (%2 bytes)</source>
        <translation>… %1 enregistrements chiffrés de plus (%2 octets)</translation>
    </message>
    <message>
        <source>%1 bytes that are not TLS records: %2 …</source>
        <translation>%1 octets qui ne sont pas des enregistrements TLS : %2 …</translation>
    </message>
    <message>
        <source>&lt;b&gt;No terminal tab.&lt;/b&gt; Open a session (File &gt; New Session) to see what crosses the wire.</source>
        <translation>&lt;b&gt;Aucun onglet de terminal.&lt;/b&gt; Ouvrez une session (Fichier &gt; Nouvelle session) pour voir ce qui passe sur le fil.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: not connected yet</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : pas encore connecté</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → %3 (%4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2 → %3 (%4)</translation>
    </message>
    <message>
        <source>In clear: %1 bytes. Encrypted: %2 TLS records, %3 bytes.</source>
        <translation>En clair : %1 octets. Chiffré : %2 enregistrements TLS, %3 octets.</translation>
    </message>
    <message>
        <source>⚠ Password readable on the wire: %1</source>
        <translation>⚠ Mot de passe lisible sur le fil : %1</translation>
    </message>
    <message>
        <source>No password in clear: only digests an eavesdropper cannot reuse.</source>
        <translation>Aucun mot de passe en clair : seulement des empreintes qu&apos;un espion ne peut pas réutiliser.</translation>
    </message>
    <message>
        <source>No password readable on the wire.</source>
        <translation>Aucun mot de passe lisible sur le fil.</translation>
    </message>
    <message>
        <source>(%1 older entries not shown)</source>
        <translation>(%1 entrées plus anciennes non affichées)</translation>
    </message>
    <message>
        <source>What an eavesdropper sees</source>
        <translation>Ce que voit un espion</translation>
    </message>
    <message>
        <source>The bytes of the current terminal tab&apos;s connection as a capture on the path shows them: lines in clear before TLS, then only encrypted TLS records.</source>
        <translation>Les octets de la connexion de l&apos;onglet de terminal courant tels que les montre une capture sur le chemin : des lignes en clair avant TLS, puis seulement des enregistrements TLS chiffrés.</translation>
    </message>
    <message>
        <source>Eavesdropper summary</source>
        <translation>Résumé de l&apos;espion</translation>
    </message>
    <message>
        <source>&lt;small&gt;Captured by a relay on 127.0.0.1 between this tab and the server: these are the bytes that really crossed the connection, as Wireshark would show them on the path. C→S: client to server; S→C: server to client.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Capturé par un relais sur 127.0.0.1 entre cet onglet et le serveur : ce sont les octets qui ont réellement traversé la connexion, tels que Wireshark les montrerait sur le chemin. C→S : du client au serveur ; S→C : du serveur au client.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>… 1 more line in clear (%1 bytes)</source>
        <translation>… 1 ligne de plus en clair (%1 octets)</translation>
    </message>
    <message>
        <source>… 1 more encrypted record (%1 bytes)</source>
        <translation>… 1 enregistrement chiffré de plus (%1 octets)</translation>
    </message>
</context>
<context>
    <name>FaultsMenu</name>
    <message>
        <source>Fa&amp;ults</source>
        <translation>&amp;Pannes</translation>
    </message>
    <message>
        <source>&amp;Drop This Connection Now</source>
        <translation>&amp;Couper cette connexion maintenant</translation>
    </message>
    <message>
        <source>&amp;Slow Replies</source>
        <translation>Réponses &amp;lentes</translation>
    </message>
    <message>
        <source>At Full Speed</source>
        <translation>À pleine vitesse</translation>
    </message>
    <message>
        <source>%1 ms per Reply</source>
        <translation>%1 ms par réponse</translation>
    </message>
    <message>
        <source>&amp;Refuse the Next Login ([SYS/TEMP])</source>
        <translation>&amp;Refuser la prochaine connexion ([SYS/TEMP])</translation>
    </message>
    <message>
        <source>&amp;Fail the Next Commit (UPDATE)</source>
        <translation>&amp;Faire échouer la prochaine validation (UPDATE)</translation>
    </message>
    <message>
        <source>D&amp;eliver a New Message to %1</source>
        <translation>Livrer un &amp;nouveau message à %1</translation>
    </message>
    <message>
        <source>D&amp;eliver a New Message</source>
        <translation>&amp;Livrer un nouveau message</translation>
    </message>
    <message>
        <source>The built-in server dies: every connection is cut at once, its port refuses connections and the lock files stay behind. Restart it to see it find them stale.</source>
        <translation>Le serveur intégré meurt : toutes les connexions sont coupées d&apos;un coup, son port refuse les connexions et les fichiers de verrou restent. Redémarrez-le pour le voir les trouver périmés.</translation>
    </message>
    <message>
        <source>Res&amp;tart the Server</source>
        <translation>Re&amp;démarrer le serveur</translation>
    </message>
    <message>
        <source>Start the killed server again on the same port: it finds the lock files it left and says they are stale; the next login clears them.</source>
        <translation>Relancer le serveur tué sur le même port : il trouve les fichiers de verrou qu&apos;il a laissés et les dit périmés ; la prochaine connexion les supprime.</translation>
    </message>
    <message>
        <source>Cut the current terminal&apos;s connection only, as a network fault would: no QUIT, so no UPDATE; the lock is released. The server goes on.</source>
        <translation>Couper la connexion du terminal courant seulement, comme le ferait une panne réseau : pas de QUIT, donc pas d&apos;UPDATE ; le verrou est libéré. Le serveur continue.</translation>
    </message>
    <message>
        <source>&amp;Kill the Server for Everyone, Leaving Its Locks…</source>
        <translation>&amp;Tuer le serveur pour tout le monde, en laissant ses verrous…</translation>
    </message>
    <message>
        <source>Kill the server?</source>
        <translation>Tuer le serveur ?</translation>
    </message>
    <message>
        <source>Kill the built-in server for everyone?</source>
        <translation>Tuer le serveur intégré pour tout le monde ?</translation>
    </message>
    <message>
        <source>Every connection is cut at once, not only this terminal&apos;s; the port refuses new ones until Faults › Restart the Server; the lock files stay behind, stale. To cut only this terminal&apos;s connection, use Drop This Connection Now.</source>
        <translation>Toutes les connexions sont coupées d&apos;un coup, pas seulement celle de ce terminal ; le port refuse les nouvelles jusqu&apos;à Pannes › Redémarrer le serveur ; les fichiers de verrou restent, périmés. Pour couper seulement la connexion de ce terminal, utilisez « Couper cette connexion maintenant ».</translation>
    </message>
    <message>
        <source>&amp;Kill the Server</source>
        <translation>&amp;Tuer le serveur</translation>
    </message>
    <message>
        <source>Keep It &amp;Running</source>
        <translation>&amp;Garder le serveur en marche</translation>
    </message>
</context>
<context>
    <name>HandInDialog</name>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>&amp;Send Answers</source>
        <translation>&amp;Envoyer les réponses</translation>
    </message>
    <message>
        <source>Hand In Lab Answers</source>
        <translation>Rendre les réponses du TP</translation>
    </message>
    <message>
        <source>Your answers go to the class server&apos;s answers port, as you: the user name and password of your login slip. The server checks each one against your own mailbox.</source>
        <translation>Vos réponses partent vers le port des réponses du serveur de la classe, en votre nom : le nom d&apos;utilisateur et le mot de passe de votre fiche de connexion. Le serveur vérifie chacune sur votre propre boîte aux lettres.</translation>
    </message>
    <message>
        <source>Se&amp;rver and answers port:</source>
        <translation>Se&amp;rveur et port des réponses :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Not logged in: %1</source>
        <translation>Non connecté : %1</translation>
    </message>
    <message>
        <source>not taken: %1</source>
        <translation>non prise : %1</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ juste</translation>
    </message>
    <message>
        <source>✗ wrong, try again</source>
        <translation>✗ faux, essayez encore</translation>
    </message>
    <message>
        <source>The server has your answers; the latest one counts.</source>
        <translation>Le serveur a vos réponses ; la dernière compte.</translation>
    </message>
    <message>
        <source>Logging in to %1:%2...</source>
        <translation>Connexion à %1:%2...</translation>
    </message>
    <message>
        <source>Logged in as %1: %2 questions.</source>
        <translation>Connecté en tant que %1 : %2 questions.</translation>
    </message>
    <message>
        <source>sent...</source>
        <translation>envoyée...</translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation>Tapez d&apos;abord une réponse.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>pop3lab Help</source>
        <translation>Aide de pop3lab</translation>
    </message>
    <message>
        <source>Open the docs folder</source>
        <translation>Ouvrir le dossier de documentation</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>The user guide is not bundled in this build.</source>
        <translation>Le guide de l&apos;utilisateur n&apos;est pas inclus dans cette version.</translation>
    </message>
    <message>
        <source>The developer documentation: architecture, diagram, lessons, performance</source>
        <translation>La documentation des développeurs : architecture, diagramme, leçons, performances</translation>
    </message>
    <message>
        <source>The docs folder could not be opened (no file manager answered). It is here: %1</source>
        <translation>Le dossier docs n&apos;a pas pu être ouvert (aucun gestionnaire de fichiers n&apos;a répondu). Il se trouve ici : %1</translation>
    </message>
</context>
<context>
    <name>LabOptions</name>
    <message>
        <source>pop3lab: learn POP3 by hand. A built-in server (student / hessovs!) listens on 127.0.0.1:1110 and a PuTTY-like raw terminal talks to it.</source>
        <translation>pop3lab : apprendre POP3 à la main. Un serveur intégré (student / hessovs!) écoute sur 127.0.0.1:1110 et un terminal brut à la PuTTY lui parle.</translation>
    </message>
    <message>
        <source>Where the mailbox copies and lock files live.</source>
        <translation>Où se trouvent les copies des boîtes aux lettres et les fichiers de verrou.</translation>
    </message>
    <message>
        <source>Server wording: dovecot, uw-ipop3d, rfc1939 or a .json file.</source>
        <translation>Formulation du serveur : dovecot, uw-ipop3d, rfc1939 ou un fichier .json.</translation>
    </message>
    <message>
        <source>Port of the built-in server (default 1110, or the next free one; 0: any).</source>
        <translation>Port du serveur intégré (1110 par défaut, ou le suivant libre ; 0 : n&apos;importe lequel).</translation>
    </message>
    <message>
        <source>Start again from fresh copies of the sample mailboxes.</source>
        <translation>Repartir de copies neuves des boîtes aux lettres d&apos;exemple.</translation>
    </message>
    <message>
        <source>Run the lab sheet in a terminal tab, check every reply, quit.</source>
        <translation>Dérouler la fiche de TP dans un onglet de terminal, vérifier chaque réponse, quitter.</translation>
    </message>
    <message>
        <source>Start with control characters (CR, LF, stuffing dots) shown.</source>
        <translation>Démarrer avec les caractères de contrôle (CR, LF, points de bourrage) affichés.</translation>
    </message>
    <message>
        <source>--port expects a number from 0 to 65535, not &apos;%1&apos;</source>
        <translation>--port attend un nombre de 0 à 65535, pas « %1 »</translation>
    </message>
    <message>
        <source>--demo expects one of: %1</source>
        <translation>--demo attend l&apos;une des valeurs : %1</translation>
    </message>
    <message>
        <source>Also serve the accounts of FILE: one &quot;name password mailbox&quot; per line (a class).</source>
        <translation>Servir aussi les comptes de FILE : une ligne &quot;nom mot_de_passe boîte&quot; par compte (une classe).</translation>
    </message>
    <message>
        <source>Measure how late the window&apos;s event loop runs for SECONDS, print it and quit.</source>
        <translation>Mesurer pendant SECONDS secondes le retard de la boucle d&apos;événements de la fenêtre, l&apos;afficher et quitter.</translation>
    </message>
    <message>
        <source>--frame-stats expects a number of seconds, not &apos;%1&apos;</source>
        <translation>--frame-stats attend un nombre de secondes, pas « %1 »</translation>
    </message>
    <message>
        <source>Replay a scenario at a class&apos;s pace and stay open (Space or P pauses): %1.</source>
        <translation>Rejouer un scénario au rythme d&apos;une classe et rester ouvert (Espace ou P met en pause) : %1.</translation>
    </message>
    <message>
        <source>Milliseconds between two events of --demo (default 1500).</source>
        <translation>Millisecondes entre deux événements de --demo (1500 par défaut).</translation>
    </message>
    <message>
        <source>With --demo: reset the student&apos;s mailbox first (a demo never changes it).</source>
        <translation>Avec --demo : réinitialiser d&apos;abord la boîte de student (une démonstration ne la modifie jamais).</translation>
    </message>
    <message>
        <source>Start in presentation mode (full screen, everything larger; F11 leaves).</source>
        <translation>Démarrer en mode présentation (plein écran, tout en plus grand ; F11 pour en sortir).</translation>
    </message>
    <message>
        <source>--demo-pace expects milliseconds from 50 to 60000, not &apos;%1&apos;</source>
        <translation>--demo-pace attend un nombre de millisecondes de 50 à 60000, pas « %1 »</translation>
    </message>
    <message>
        <source>Show this help and quit.</source>
        <translation>Affiche l&apos;aide sur les options et quitte.</translation>
    </message>
    <message>
        <source>Show the version and quit.</source>
        <translation>Affiche la version et quitte.</translation>
    </message>
    <message>
        <source>Also serve a copy of this Maildir, mbox file or folder of .eml files (user --user, password --password).</source>
        <translation>Servir aussi une copie de ce Maildir, fichier mbox ou dossier de fichiers .eml (utilisateur --user, mot de passe --password).</translation>
    </message>
    <message>
        <source>User name for --mailbox (default: me).</source>
        <translation>Nom d’utilisateur pour --mailbox (par défaut : me).</translation>
    </message>
    <message>
        <source>Password for --mailbox (default: pop3lab).</source>
        <translation>Mot de passe pour --mailbox (par défaut : pop3lab).</translation>
    </message>
    <message>
        <source>Start lesson N (1 to %1) or the lesson with this id.</source>
        <translation>Commencer la leçon N (de 1 à %1) ou la leçon portant cet identifiant.</translation>
    </message>
    <message>
        <source>The window&apos;s language: %1 (default: the one chosen in View &gt; Language, else the system&apos;s).</source>
        <translation>La langue de la fenêtre : %1 (par défaut : celle choisie dans Affichage &gt; Langue, sinon celle du système).</translation>
    </message>
    <message>
        <source>--user and --password go with --mailbox</source>
        <translation>--user et --password vont avec --mailbox</translation>
    </message>
    <message>
        <source>--language expects one of: %1</source>
        <translation>--language attend l’une de ces langues : %1</translation>
    </message>
    <message>
        <source>--lesson expects a number from 1 to %1 or one of: %2</source>
        <translation>--lesson attend un nombre de 1 à %1 ou l’un de ces identifiants : %2</translation>
    </message>
</context>
<context>
    <name>LabResultsModel</name>
    <message>
        <source>Student %1</source>
        <translation>Élève %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1 (expected %2)</source>
        <translation>✗ %1 (attendu : %2)</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <source>%1
Given: %2
Expected for this student&apos;s mailbox: %3
Tries: %4
At: %5</source>
        <translation>%1
Donnée : %2
Attendue pour la boîte de cet élève : %3
Essais : %4
À : %5</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Juste</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Faux</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>right: %1</source>
        <translation>juste : %1</translation>
    </message>
    <message>
        <source>wrong: %1, expected %2</source>
        <translation>faux : %1, attendu %2</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>The language of the window and of the lessons</source>
        <translation>La langue de la fenêtre et des leçons</translation>
    </message>
</context>
<context>
    <name>LessonExport</name>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Time: %1 (min:s)</source>
        <translation>Durée : %1 (min:s)</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Steps and answers</source>
        <translation>Étapes et réponses</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Wrong tries</source>
        <translation>Essais ratés</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>passée</translation>
    </message>
    <message>
        <source>Mistakes met</source>
        <translation>Erreurs rencontrées</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>le PDF n&apos;a pas pu être écrit</translation>
    </message>
    <message>
        <source>Hand-in of %1</source>
        <translation>Rendu de %1</translation>
    </message>
    <message>
        <source>Started %1 — finished %2</source>
        <translation>Commencée le %1 — terminée : %2</translation>
    </message>
    <message>
        <source>%1 — hand-in of %2</source>
        <translation>%1 — rendu de %2</translation>
    </message>
    <message>
        <source>#n is the session; C: client, S: server; passwords are hidden.</source>
        <translation>#n est la session ; C : client, S : serveur ; les mots de passe sont masqués.</translation>
    </message>
    <message>
        <source>The sequence diagram of this lesson&apos;s sessions follows on landscape pages.</source>
        <translation>Le diagramme de séquence des sessions de cette leçon suit, sur des pages à l&apos;italienne.</translation>
    </message>
    <message numerus="yes">
        <source>[… %n earlier line(s) omitted: only the last %1 lines are kept …]</source>
        <translation>
            <numerusform>[… %n ligne précédente omise : seules les %1 dernières lignes sont gardées …]</numerusform>
            <numerusform>[… %n lignes précédentes omises : seules les %1 dernières lignes sont gardées …]</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand-in of %1</source>
        <comment>the name starts with a vowel</comment>
        <translation>Rendu d&apos;%1</translation>
    </message>
    <message>
        <source>%1 — hand-in of %2</source>
        <comment>the name starts with a vowel</comment>
        <translation>%1 — rendu d&apos;%2</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Choose a lesson…</source>
        <translation>Choisir une leçon…</translation>
    </message>
    <message>
        <source>✘ Not quite — try again.</source>
        <translation>✘ Pas tout à fait — réessayez.</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>Indice :</translation>
    </message>
    <message>
        <source>Bytes sent:</source>
        <translation>Octets envoyés :</translation>
    </message>
    <message>
        <source>This question is about a message that is not in the mailbox of %1.</source>
        <translation>Cette question porte sur un message qui n&apos;est pas dans la boîte de %1.</translation>
    </message>
    <message>
        <source>A session is logged in as %1: type `quit` there first, so the lock is free.</source>
        <translation>Une session est connectée en tant que %1 : tapez d&apos;abord `quit` dans celle-ci pour libérer le verrou.</translation>
    </message>
    <message>
        <source>The lock file could not be written: %1</source>
        <translation>Le fichier de verrou n&apos;a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>A stale lock file now sits at `%1`. Log in again as %2.</source>
        <translation>Un verrou périmé se trouve maintenant à `%1`. Reconnectez-vous en tant que %2.</translation>
    </message>
    <message>
        <source>The last greeting has no `&lt;timestamp&gt;`: switch to the rfc1939 personality and open a new session.</source>
        <translation>Le dernier message d&apos;accueil n&apos;a pas de `&lt;timestamp&gt;` : passez à la personnalité rfc1939 et ouvrez une nouvelle session.</translation>
    </message>
    <message>
        <source>Type this line:

```
%1
```</source>
        <translation>Tapez cette ligne :

```
%1
```</translation>
    </message>
    <message>
        <source>The server now uses the %1 personality for new sessions: open a new session.</source>
        <translation>Le serveur utilise maintenant la personnalité %1 pour les nouvelles sessions : ouvrez une nouvelle session.</translation>
    </message>
    <message>
        <source>Export for hand-in</source>
        <translation>Exporter pour le rendu</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>no lesson is open</source>
        <translation>aucune leçon n&apos;est ouverte</translation>
    </message>
    <message>
        <source>Pick a lesson above. Each step says what to type in the terminal and why; it is ticked when the server really saw it happen.</source>
        <translation>Choisissez une leçon ci-dessus. Chaque étape dit quoi taper dans le terminal et pourquoi ; elle est cochée quand le serveur l&apos;a vraiment vue se produire.</translation>
    </message>
    <message>
        <source>You will learn to:</source>
        <translation>Vous apprendrez à :</translation>
    </message>
    <message>
        <source>Lesson complete</source>
        <translation>Leçon terminée</translation>
    </message>
    <message>
        <source>Your time: %1 s.</source>
        <translation>Votre temps : %1 s.</translation>
    </message>
    <message>
        <source>Use **Export for hand-in** to save a PDF with your transcript and answers.</source>
        <translation>Utilisez **Exporter pour le rendu** pour enregistrer un PDF avec votre transcription et vos réponses.</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation>Quiz : %1</translation>
    </message>
    <message>
        <source>Time: %1 s</source>
        <translation>Temps : %1 s</translation>
    </message>
    <message>
        <source>Simulate a crash</source>
        <translation>Simuler un plantage</translation>
    </message>
    <message>
        <source>Compute APOP</source>
        <translation>Calculer APOP</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>Passer à %1</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Start the lesson again with a fresh copy of its mailbox</source>
        <translation>Recommencer la leçon avec une copie neuve de sa boîte aux lettres</translation>
    </message>
    <message>
        <source>Save a PDF with the transcript, the diagram and your answers</source>
        <translation>Enregistrer un PDF avec la transcription, le diagramme et vos réponses</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Indice</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>No lesson chosen yet</source>
        <translation>Aucune leçon choisie pour l&apos;instant</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your name, as your teacher should read it on your hand-ins. Your progress is kept under this name.</source>
        <translation>Votre nom, tel que votre enseignant doit le lire sur vos rendus. Votre progression est enregistrée sous ce nom.</translation>
    </message>
    <message>
        <source>✔ Right:</source>
        <translation>✔ Juste :</translation>
    </message>
    <message>
        <source>The server now answers as %1, whose replies this lesson quotes (in the sessions opened from now on).</source>
        <translation>Le serveur répond maintenant comme %1, dont cette leçon cite les réponses (dans les sessions ouvertes à partir de maintenant).</translation>
    </message>
    <message>
        <source>Pick one of the choices first.</source>
        <translation>Choisissez d&apos;abord une des réponses.</translation>
    </message>
    <message>
        <source>Choose an answer…</source>
        <translation>Choisissez une réponse…</translation>
    </message>
    <message>
        <source>Learner: %1</source>
        <translation>Élève : %1</translation>
    </message>
    <message>
        <source>Your name…</source>
        <translation>Votre nom…</translation>
    </message>
    <message>
        <source>The name printed on your hand-ins; progress is kept per name</source>
        <translation>Le nom imprimé sur vos rendus ; la progression est enregistrée par nom</translation>
    </message>
    <message>
        <source>Pick a lesson (from the keyboard: arrows browse, Enter starts)</source>
        <translation>Choisissez une leçon (au clavier : les flèches parcourent, Entrée démarre)</translation>
    </message>
    <message>
        <source>Step %1 of %2 done: %3</source>
        <translation>Étape %1 sur %2 faite : %3</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Lesson progress</source>
        <translation>Progression de la leçon</translation>
    </message>
    <message>
        <source>Lesson steps</source>
        <translation>Étapes de la leçon</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Étape en cours</translation>
    </message>
    <message>
        <source>What to type in the terminal, and why</source>
        <translation>Ce qu&apos;il faut taper dans le terminal, et pourquoi</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Hints and mistakes</source>
        <translation>Indices et erreurs</translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation>Tapez d&apos;abord une réponse.</translation>
    </message>
    <message>
        <source>You learnt to:</source>
        <translation>Vous avez appris à :</translation>
    </message>
    <message>
        <source>%1 (skipped)</source>
        <translation>%1 (passée)</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Passée : %1</translation>
    </message>
    <message>
        <source>Step done: %1</source>
        <translation>Étape faite : %1</translation>
    </message>
    <message>
        <source>Current step: %1</source>
        <translation>Étape en cours : %1</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>À faire : %1</translation>
    </message>
    <message>
        <source>✔: done, ↷: skipped, ▶: the current step, ○: to do</source>
        <translation>✔ : faite, ↷ : passée, ▶ : l&apos;étape en cours, ○ : à faire</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Show or fold the list of the lesson&apos;s steps (folded when the pane is short, so the step&apos;s words get the room)</source>
        <translation>Afficher ou replier la liste des étapes de la leçon (repliée quand le panneau est bas, pour laisser la place au texte de l&apos;étape)</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s steps</source>
        <translation>Afficher les étapes de la leçon</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 steps</source>
        <translation>
            <numerusform>%n étape sur %1</numerusform>
            <numerusform>%n étapes sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 of %2 skipped: %3</source>
        <translation>Étape %1 sur %2 passée : %3</translation>
    </message>
    <message>
        <source>The lesson times you: from “%1” to “%2”.</source>
        <translation>La leçon vous chronomètre : de « %1 » à « %2 ».</translation>
    </message>
    <message>
        <source>Your time, from “%1” to “%2”.</source>
        <translation>Votre temps, de « %1 » à « %2 ».</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>lecon</translation>
    </message>
    <message>
        <source>A session is still logged in</source>
        <translation>Une session est encore connectée</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) still logged in as %1 hold(s) the mailbox&apos;s lock: %2. This lesson&apos;s login would be refused ([IN-USE]) until it is freed.</source>
        <translation>
            <numerusform>%n session encore connectée en tant que %1 détient le verrou de la boîte aux lettres : %2. La connexion de cette leçon serait refusée ([IN-USE]) tant qu&apos;il n&apos;est pas libéré.</numerusform>
            <numerusform>%n sessions encore connectées en tant que %1 détiennent le verrou de la boîte aux lettres : %2. La connexion de cette leçon serait refusée ([IN-USE]) tant qu&apos;il n&apos;est pas libéré.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send QUIT in it now? QUIT ends the session cleanly and frees the lock (marked messages are deleted, as at any QUIT).</source>
        <translation>Envoyer QUIT maintenant ? QUIT termine la session proprement et libère le verrou (les messages marqués sont supprimés, comme à chaque QUIT).</translation>
    </message>
    <message>
        <source>Send &amp;QUIT</source>
        <translation>Envoyer &amp;QUIT</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Garder</translation>
    </message>
    <message>
        <source>a program outside this window</source>
        <translation>un programme extérieur à cette fenêtre</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>%1 (session %2)</source>
        <translation>%1 (session %2)</translation>
    </message>
</context>
<context>
    <name>LessonTracker</name>
    <message>
        <source>  [+ %1 lines, %2 octets]</source>
        <translation>  [+ %1 lignes, %2 octets]</translation>
    </message>
    <message>
        <source>-- state %1 → %2</source>
        <translation>-- état %1 → %2</translation>
    </message>
    <message>
        <source>-- talks to another server: %1</source>
        <translation>-- parle à un autre serveur : %1</translation>
    </message>
</context>
<context>
    <name>LockWords</name>
    <message>
        <source>session %1 (%2), pid %3 on %4, since %5</source>
        <translation>session %1 (%2), pid %3 sur %4, depuis %5</translation>
    </message>
    <message>
        <source>%1: a stale lock, left by %2, a process that is gone (it crashed without releasing it); the next login of %3 clears it</source>
        <translation>%1 : un verrou périmé, laissé par %2, un processus qui n&apos;existe plus (il a planté sans le libérer) ; la prochaine connexion de %3 le supprime</translation>
    </message>
    <message>
        <source>%1: a stale lock, left by %2: this program&apos;s server before it was killed (that session is gone and nothing removed the file); the next login of %3 clears it</source>
        <translation>%1 : un verrou périmé, laissé par %2 : le serveur de ce programme avant qu&apos;il soit tué (cette session n&apos;existe plus et personne n&apos;a supprimé le fichier) ; la prochaine connexion de %3 le supprime</translation>
    </message>
    <message>
        <source>stale lock %1 left behind: the next login of %2 clears it</source>
        <translation>verrou périmé %1 resté en place : la prochaine connexion de %2 le supprime</translation>
    </message>
    <message>
        <source>connection dropped by the server (fault injected)</source>
        <translation>connexion coupée par le serveur (panne simulée)</translation>
    </message>
    <message>
        <source>the server process died (fault injected): its lock was not released</source>
        <translation>le processus du serveur est mort (panne simulée) : son verrou n&apos;a pas été libéré</translation>
    </message>
    <message>
        <source>the client stopped reading in the middle of a reply</source>
        <translation>le client a cessé de lire au milieu d&apos;une réponse</translation>
    </message>
    <message>
        <source>the client closed the connection without QUIT</source>
        <translation>le client a fermé la connexion sans QUIT</translation>
    </message>
    <message>
        <source>connection destroyed</source>
        <translation>connexion détruite</translation>
    </message>
    <message>
        <source>session destroyed</source>
        <translation>session détruite</translation>
    </message>
    <message>
        <source>the lock file was already gone or held by someone else</source>
        <translation>le fichier de verrou avait déjà disparu ou était tenu par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>inferred from the client side</source>
        <translation>déduit du côté du client</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>la négociation TLS a échoué : %1</translation>
    </message>
</context>
<context>
    <name>MaildropModel</name>
    <message>
        <source>Message %1 is marked by DELE: QUIT removes it, RSET or a dropped connection keeps it</source>
        <translation>Le message %1 est marqué par DELE : QUIT le supprime, RSET ou une connexion coupée le conserve</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Octets</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Unique-ID</source>
        <translation>Identifiant unique</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>new</source>
        <comment>a message delivered since the login</comment>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>New: delivered since the last login. It is on disk, but not in the open session&apos;s list: a session keeps the maildrop as it was when it logged in (RFC 1939). The next login sees it.</source>
        <translation>Nouveau : livré depuis la dernière connexion. Il est sur le disque, mais pas dans la liste de la session ouverte : une session garde la boîte telle qu&apos;elle était à sa connexion (RFC 1939). La prochaine connexion le voit.</translation>
    </message>
</context>
<context>
    <name>MaildropPane</name>
    <message>
        <source>Lock file</source>
        <translation>Fichier de verrou</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the folder holding the maildrop and its lock file</source>
        <translation>Ouvrir le dossier qui contient la boîte et son fichier de verrou</translation>
    </message>
    <message>
        <source>Select a message to see it as stored, headers and all.</source>
        <translation>Sélectionnez un message pour le voir tel qu&apos;il est stocké, en-têtes compris.</translation>
    </message>
    <message>
        <source>&amp;Reset mailbox</source>
        <translation>&amp;Réinitialiser la boîte</translation>
    </message>
    <message>
        <source>Throw the working copy away and copy the pristine sample again</source>
        <translation>Jeter la copie de travail et recopier l&apos;exemple d&apos;origine</translation>
    </message>
    <message>
        <source>DELE only marks a message (struck through); QUIT removes it, RSET restores it.</source>
        <translation>DELE ne fait que marquer un message (barré) ; QUIT le supprime, RSET le rétablit.</translation>
    </message>
    <message>
        <source>Not visible: a lock file lives on the server&apos;s own disk.</source>
        <translation>Invisible : le fichier de verrou se trouve sur le disque du serveur.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No lock file&lt;/b&gt; — nobody holds %1&apos;s maildrop. PASS creates it.</source>
        <translation>&lt;b&gt;Pas de fichier de verrou&lt;/b&gt; — personne ne tient la boîte de %1. PASS le crée.</translation>
    </message>
    <message>
        <source>session %1 (%2) since %3</source>
        <translation>la session %1 (%2) depuis %3</translation>
    </message>
    <message>
        <source>an unknown holder</source>
        <translation>un détenteur inconnu</translation>
    </message>
    <message>
        <source>This tab talks to another server: its maildrop is on that server, out of sight.</source>
        <translation>Cet onglet parle à un autre serveur : sa boîte est sur ce serveur, hors de vue.</translation>
    </message>
    <message numerus="yes">
        <source>Maildrop of &lt;b&gt;%1&lt;/b&gt;: %n message(s), %2 octets</source>
        <translation>
            <numerusform>Boîte de &lt;b&gt;%1&lt;/b&gt; : %n message, %2 octets</numerusform>
            <numerusform>Boîte de &lt;b&gt;%1&lt;/b&gt; : %n messages, %2 octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked for deletion</source>
        <translation>
            <numerusform>%n marqué pour suppression</numerusform>
            <numerusform>%n marqués pour suppression</numerusform>
        </translation>
    </message>
    <message>
        <source>[... the rest of the message is not shown here ...]</source>
        <translation>[... la suite du message n&apos;est pas affichée ici ...]</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lock file exists&lt;/b&gt; — held by %1. Another login gets &lt;code&gt;%2&lt;/code&gt; — QUIT or a disconnection removes it.</source>
        <translation>&lt;b&gt;Le fichier de verrou existe&lt;/b&gt; — tenu par %1. Une autre connexion reçoit &lt;code&gt;%2&lt;/code&gt; — QUIT ou une déconnexion le supprime.</translation>
    </message>
    <message>
        <source>Messages in the maildrop</source>
        <translation>Messages de la boîte aux lettres</translation>
    </message>
    <message>
        <source>Number, size, unique-id, sender and subject of each message; a message marked by DELE is struck through. Up and Down select a message.</source>
        <translation>Numéro, taille, identifiant unique, expéditeur et sujet de chaque message ; un message marqué par DELE est barré. Haut et Bas sélectionnent un message.</translation>
    </message>
    <message>
        <source>Selected message as stored</source>
        <translation>Message sélectionné tel qu&apos;il est stocké</translation>
    </message>
    <message>
        <source>The raw file of the selected message, headers and all.</source>
        <translation>Le fichier brut du message sélectionné, en-têtes compris.</translation>
    </message>
    <message>
        <source>left by session %1 of this window&apos;s own server (process %2, still running), which was killed before it released the lock</source>
        <translation>laissé par la session %1 du serveur de cette fenêtre même (processus %2, toujours en marche), tué avant d’avoir libéré le verrou</translation>
    </message>
    <message>
        <source>left by process %1, which is no longer running (a crashed server)</source>
        <translation>laissé par le processus %1, qui ne tourne plus (un serveur planté)</translation>
    </message>
    <message>
        <source>an empty file older than a minute: its writer died before filling it</source>
        <translation>un fichier vide de plus d’une minute : celui qui l’écrivait est mort avant de le remplir</translation>
    </message>
    <message>
        <source>left by process %1 before the machine last started (another boot id)</source>
        <translation>laissé par le processus %1 avant le dernier démarrage de la machine (autre identifiant de démarrage)</translation>
    </message>
    <message>
        <source>left by process %1, which is no longer running: another program started later has its pid</source>
        <translation>laissé par le processus %1, qui ne tourne plus : un autre programme, lancé plus tard, a son pid</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stale lock file&lt;/b&gt; — %1. Nobody holds %2&apos;s maildrop: the next login removes the file and gets in.</source>
        <translation>&lt;b&gt;Fichier de verrou périmé&lt;/b&gt; — %1. Personne ne tient la boîte de %2 : la prochaine connexion supprime le fichier et entre.</translation>
    </message>
    <message numerus="yes">
        <source>%n new, not in the open session&apos;s list (it sees %1)</source>
        <translation>
            <numerusform>%n nouveau, absent de la liste de la session ouverte (elle en voit %1)</numerusform>
            <numerusform>%n nouveaux, absents de la liste de la session ouverte (elle en voit %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since the last login</source>
        <translation>
            <numerusform>%n nouveau depuis la dernière connexion</numerusform>
            <numerusform>%n nouveaux depuis la dernière connexion</numerusform>
        </translation>
    </message>
    <message>
        <source>left by %1, whose session is gone: the teacher killed that server before it released the lock</source>
        <translation>laissé par %1, dont la session n&apos;existe plus : l&apos;enseignant a tué ce serveur avant qu&apos;il libère le verrou</translation>
    </message>
    <message>
        <source>left by %1, whose session is gone: its server ended without releasing the lock</source>
        <translation>laissé par %1, dont la session n&apos;existe plus : son serveur s&apos;est arrêté sans libérer le verrou</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pop3lab — POP3 by hand, made visible</source>
        <translation>pop3lab — POP3 à la main, rendu visible</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;New session...</source>
        <translation>&amp;Nouvelle session...</translation>
    </message>
    <message>
        <source>Open a Raw connection in a new terminal tab</source>
        <translation>Ouvrir une connexion Raw dans un nouvel onglet de terminal</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>&amp;Fermer la session</translation>
    </message>
    <message>
        <source>&amp;Save transcript...</source>
        <translation>&amp;Enregistrer la transcription...</translation>
    </message>
    <message>
        <source>&amp;Reset mailbox...</source>
        <translation>&amp;Réinitialiser la boîte...</translation>
    </message>
    <message>
        <source>Restore the pristine sample mailbox</source>
        <translation>Rétablir la boîte aux lettres d&apos;exemple d&apos;origine</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Préférences...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Show &amp;control characters</source>
        <translation>Afficher les &amp;caractères de contrôle</translation>
    </message>
    <message>
        <source>Show CR, LF and the byte-stuffing dots</source>
        <translation>Afficher CR, LF et les points de bourrage</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>pop3lab &amp;Help</source>
        <translation>&amp;Aide de pop3lab</translation>
    </message>
    <message>
        <source>&amp;About pop3lab</source>
        <translation>À &amp;propos de pop3lab</translation>
    </message>
    <message>
        <source>Maildrop and lock file</source>
        <translation>Boîte aux lettres et verrou</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>Diagramme de séquence</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>Built-in server listening on %1</source>
        <translation>Serveur intégré à l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>Built-in server not running</source>
        <translation>Serveur intégré arrêté</translation>
    </message>
    <message>
        <source>Personality: %1</source>
        <translation>Personnalité : %1</translation>
    </message>
    <message>
        <source>Server sessions: %1 · Terminal tabs connected: %2</source>
        <translation>Sessions du serveur : %1 · Onglets de terminal connectés : %2</translation>
    </message>
    <message>
        <source>A session is open. Reset %1&apos;s mailbox to the pristine sample anyway?</source>
        <translation>Une session est ouverte. Réinitialiser quand même la boîte de %1 avec l&apos;exemple d&apos;origine ?</translation>
    </message>
    <message>
        <source>A session is logged in as %1 and holds the maildrop. Resetting cuts it off (its deletion marks are lost, as after a dropped connection). Reset anyway?</source>
        <translation>Une session est connectée en tant que %1 et tient la boîte. La réinitialisation la coupe (ses marques de suppression sont perdues, comme après une connexion coupée). Réinitialiser quand même ?</translation>
    </message>
    <message>
        <source>Reset mailbox</source>
        <translation>Réinitialiser la boîte</translation>
    </message>
    <message>
        <source>The mailbox could not be reset: %1</source>
        <translation>La boîte n&apos;a pas pu être réinitialisée : %1</translation>
    </message>
    <message>
        <source>%1&apos;s mailbox is back to the pristine sample.</source>
        <translation>La boîte de %1 est revenue à l&apos;exemple d&apos;origine.</translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation>Enregistrer la transcription</translation>
    </message>
    <message>
        <source>Save what this terminal tab sent and received as a text file.</source>
        <translation>Enregistrer ce que cet onglet de terminal a envoyé et reçu dans un fichier texte.</translation>
    </message>
    <message>
        <source>Hide the password (PASS ********)</source>
        <translation>Masquer le mot de passe (PASS ********)</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>Transcript saved to %1</source>
        <translation>Transcription enregistrée dans %1</translation>
    </message>
    <message>
        <source>About pop3lab</source>
        <translation>À propos de pop3lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;pop3lab %1&lt;/h3&gt;&lt;p&gt;Learn POP3 by hand, and see what the terminal hides: every command, reply, state change and the maildrop&apos;s lock file.&lt;/p&gt;&lt;p&gt;The built-in server knows &lt;b&gt;student&lt;/b&gt; / &lt;b&gt;hessovs!&lt;/b&gt; and &lt;b&gt;barakirs&lt;/b&gt; / &lt;b&gt;blacksun&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;pop3lab %1&lt;/h3&gt;&lt;p&gt;Apprenez POP3 à la main, et voyez ce que le terminal cache : chaque commande, chaque réponse, chaque changement d&apos;état et le fichier de verrou de la boîte.&lt;/p&gt;&lt;p&gt;Le serveur intégré connaît &lt;b&gt;student&lt;/b&gt; / &lt;b&gt;hessovs!&lt;/b&gt; et &lt;b&gt;barakirs&lt;/b&gt; / &lt;b&gt;blacksun&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server personality</source>
        <translation>Personnalité du serveur</translation>
    </message>
    <message>
        <source>The server keeps its personality: %1</source>
        <translation>Le serveur garde sa personnalité : %1</translation>
    </message>
    <message>
        <source>Go to the &amp;terminal</source>
        <translation>Aller au &amp;terminal</translation>
    </message>
    <message>
        <source>Go to the sequence &amp;diagram</source>
        <translation>Aller au &amp;diagramme de séquence</translation>
    </message>
    <message>
        <source>Go to the &amp;maildrop</source>
        <translation>Aller à la boîte aux lettres (&amp;maildrop)</translation>
    </message>
    <message>
        <source>Go to the &amp;lessons</source>
        <translation>Aller aux &amp;leçons</translation>
    </message>
    <message>
        <source>Close all c&amp;losed tabs</source>
        <translation>Fermer tous les onglets fermé&amp;s</translation>
    </message>
    <message>
        <source>Close every terminal tab whose connection has ended</source>
        <translation>Fermer chaque onglet de terminal dont la connexion est terminée</translation>
    </message>
    <message>
        <source>Diagram: %1 → server: %2</source>
        <translation>Diagramme : %1 → serveur : %2</translation>
    </message>
    <message>
        <source>Diagram: server → %1: %2</source>
        <translation>Diagramme : serveur → %1 : %2</translation>
    </message>
    <message>
        <source>Diagram: %1</source>
        <translation>Diagramme : %1</translation>
    </message>
    <message>
        <source>Replay (not live)</source>
        <translation>Relecture (pas en direct)</translation>
    </message>
    <message>
        <source>Compare &amp;Personalities Side by Side...</source>
        <translation>Comparer des &amp;personnalités côte à côte…</translation>
    </message>
    <message>
        <source>Fault not injected</source>
        <translation>Panne non injectée</translation>
    </message>
    <message>
        <source>Go to the &amp;replay</source>
        <translation>Aller au re&amp;jeu</translation>
    </message>
    <message>
        <source>&amp;Watch a class...</source>
        <translation>&amp;Observer une classe...</translation>
    </message>
    <message>
        <source>Eavesdropper</source>
        <translation>Espion</translation>
    </message>
    <message>
        <source>Go to the &amp;eavesdropper view</source>
        <translation>Aller à la vue de l&apos;&amp;espion</translation>
    </message>
    <message>
        <source>&amp;Hand In Lab Answers...</source>
        <translation>Rendre les réponses du &amp;TP...</translation>
    </message>
    <message>
        <source>&amp;Export for Hand-in...</source>
        <translation>E&amp;xporter pour le rendu...</translation>
    </message>
    <message>
        <source>Pick a lesson first: a hand-in is the record of one lesson.</source>
        <translation>Choisissez d&apos;abord une leçon : un rendu est le compte rendu d&apos;une leçon.</translation>
    </message>
    <message>
        <source>Hand-in saved to %1</source>
        <translation>Rendu enregistré dans %1</translation>
    </message>
    <message>
        <source>&amp;Open the hand-in</source>
        <translation>&amp;Ouvrir le rendu</translation>
    </message>
    <message>
        <source>No program opens %1 here: open it from its folder.</source>
        <translation>Aucun programme n&apos;ouvre %1 ici : ouvrez-le depuis son dossier.</translation>
    </message>
    <message>
        <source>Reset &amp;zoom</source>
        <translation>Zoom &amp;normal</translation>
    </message>
    <message>
        <source>pop3-transcript.txt</source>
        <comment>a file name</comment>
        <translation>transcription-pop3.txt</translation>
    </message>
</context>
<context>
    <name>PersonalityCompareDialog</name>
    <message numerus="yes">
        <source>%1 (+%n line(s))</source>
        <translation>
            <numerusform>%1 (+%n ligne)</numerusform>
            <numerusform>%1 (+%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Personalities Side by Side</source>
        <translation>Personnalités côte à côte</translation>
    </message>
    <message>
        <source>Left server</source>
        <translation>Serveur de gauche</translation>
    </message>
    <message>
        <source>Right server</source>
        <translation>Serveur de droite</translation>
    </message>
    <message>
        <source>Script (one command per line)</source>
        <translation>Script (une commande par ligne)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Diffère</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>%1 has no CAPA command: a client cannot ask what it offers.</source>
        <translation>%1 n&apos;a pas de commande CAPA : un client ne peut pas lui demander ce qu&apos;il propose.</translation>
    </message>
    <message>
        <source>Could not run the script: %1</source>
        <translation>Impossible d&apos;exécuter le script : %1</translation>
    </message>
    <message>
        <source>(connect: greeting)</source>
        <translation>(connexion : accueil)</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 replies differ (marked ≠ and in bold); the protocol is the same, only the words and what is offered change.</source>
        <translation>
            <numerusform>%n réponse sur %1 diffère (marquée ≠ et en gras) ; le protocole est le même, seuls les mots et ce qui est proposé changent.</numerusform>
            <numerusform>%n réponses sur %1 diffèrent (marquées ≠ et en gras) ; le protocole est le même, seuls les mots et ce qui est proposé changent.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not sent: the connection is closed)</source>
        <translation>(non envoyée : la connexion est fermée)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Taille de police</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Default &amp;line ending</source>
        <translation>Fin de &amp;ligne par défaut</translation>
    </message>
    <message>
        <source>Built-in server</source>
        <translation>Serveur intégré</translation>
    </message>
    <message>
        <source>&amp;Personality</source>
        <translation>&amp;Personnalité</translation>
    </message>
    <message>
        <source>&amp;Idle timeout</source>
        <translation>&amp;Délai d&apos;inactivité</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>The personality changes the server&apos;s wording for sessions opened from now on. RFC 1939 asks for an idle timeout of at least 10 minutes.</source>
        <translation>La personnalité change la formulation du serveur pour les sessions ouvertes à partir de maintenant. La RFC 1939 demande un délai d&apos;inactivité d&apos;au moins 10 minutes.</translation>
    </message>
    <message>
        <source>CR LF (PuTTY, telnet)</source>
        <translation>CR LF (PuTTY, telnet)</translation>
    </message>
    <message>
        <source>LF only (netcat)</source>
        <translation>LF seul (netcat)</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <source>Full screen, terminal and diagram side by side, everything larger (F11 again to leave)</source>
        <translation>Plein écran, terminal et diagramme côte à côte, tout en plus grand (F11 à nouveau pour sortir)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>C&amp;ontraste élevé</translation>
    </message>
    <message>
        <source>Black on white with strong selection colours, for projectors</source>
        <translation>Noir sur blanc avec des couleurs de sélection marquées, pour les vidéoprojecteurs</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>%1 is a file name suffix, for example txt</comment>
        <translation>Fichier %1</translation>
    </message>
</context>
<context>
    <name>ReplayPane</name>
    <message>
        <source>Replay…</source>
        <translation>Rejouer…</translation>
    </message>
    <message>
        <source>Choose what to replay: a saved trace, this session so far, or a ready-made scenario</source>
        <translation>Choisir ce qu&apos;il faut rejouer : une trace enregistrée, cette session jusqu&apos;ici, ou un scénario tout prêt</translation>
    </message>
    <message>
        <source>A saved trace…</source>
        <translation>Une trace enregistrée…</translation>
    </message>
    <message>
        <source>This session so far</source>
        <translation>Cette session jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation>|◀ Début</translation>
    </message>
    <message>
        <source>Back to the first event (Home)</source>
        <translation>Revenir au premier événement (Origine)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Reculer</translation>
    </message>
    <message>
        <source>Undo one event in every view (Shift+Space or Left)</source>
        <translation>Défaire un événement dans chaque vue (Maj+Espace ou Gauche)</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>Avancer ▶</translation>
    </message>
    <message>
        <source>One more event (Space or Right)</source>
        <translation>Un événement de plus (Espace ou Droite)</translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation>Fin ▶|</translation>
    </message>
    <message>
        <source>To the last event (End)</source>
        <translation>Aller au dernier événement (Fin)</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Revenir au direct</translation>
    </message>
    <message>
        <source>One event per key press</source>
        <translation>Un événement par appui de touche</translation>
    </message>
    <message>
        <source>Class pace (one event every %1 s)</source>
        <translation>Rythme de classe (un événement toutes les %1 s)</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Temps réel</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Rapide</translation>
    </message>
    <message>
        <source>How fast Play goes</source>
        <translation>La vitesse de Lecture</translation>
    </message>
    <message>
        <source>The lab sheet: log in, list, read, delete, QUIT</source>
        <translation>La fiche de TP : connexion, liste, lecture, suppression, QUIT</translation>
    </message>
    <message>
        <source>A second login while the maildrop is locked: [IN-USE]</source>
        <translation>Une seconde connexion pendant que la boîte est verrouillée : [IN-USE]</translation>
    </message>
    <message>
        <source>A dropped connection keeps the mail (no UPDATE)</source>
        <translation>Une connexion coupée garde le courrier (pas d&apos;UPDATE)</translation>
    </message>
    <message>
        <source>There is no scenario called %1.</source>
        <translation>Il n&apos;y a pas de scénario nommé %1.</translation>
    </message>
    <message>
        <source>the scenario “%1”</source>
        <translation>le scénario « %1 »</translation>
    </message>
    <message>
        <source>the saved trace %1</source>
        <translation>la trace enregistrée %1</translation>
    </message>
    <message numerus="yes">
        <source>this session (%n event(s) so far)</source>
        <translation>
            <numerusform>cette session (%n événement jusqu&apos;ici)</numerusform>
            <numerusform>cette session (%n événements jusqu&apos;ici)</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay a trace</source>
        <translation>Rejouer une trace</translation>
    </message>
    <message>
        <source>pop3lab traces (*.jsonl);;All files (*)</source>
        <translation>Traces pop3lab (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>%1 ── connected from %2 ──</source>
        <translation>%1 ── connecté depuis %2 ──</translation>
    </message>
    <message>
        <source>%1 C: %2</source>
        <translation>%1 C : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 S: %2 (+ %n line(s) of body)</source>
        <translation>
            <numerusform>%1 S : %2 (+ %n ligne de corps)</numerusform>
            <numerusform>%1 S : %2 (+ %n lignes de corps)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 S: %2</source>
        <translation>%1 S : %2</translation>
    </message>
    <message>
        <source>%1    (lock file created: %2&apos;s maildrop is locked)</source>
        <translation>%1    (fichier de verrou créé : la boîte de %2 est verrouillée)</translation>
    </message>
    <message>
        <source>%1    (lock file removed)</source>
        <translation>%1    (fichier de verrou supprimé)</translation>
    </message>
    <message numerus="yes">
        <source>%1    (UPDATE: %n message(s) removed from the maildrop)</source>
        <translation>
            <numerusform>%1    (UPDATE : %n message supprimé de la boîte)</numerusform>
            <numerusform>%1    (UPDATE : %n messages supprimés de la boîte)</numerusform>
        </translation>
    </message>
    <message>
        <source>REPLAY of %1 — not live: nothing here reaches the server or the mailbox.</source>
        <translation>RELECTURE (%1) — pas en direct : rien ici n&apos;atteint le serveur ni la boîte aux lettres.</translation>
    </message>
    <message>
        <source>|| Pause</source>
        <translation>|| Pause</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Lecture</translation>
    </message>
    <message>
        <source>No replay: choose a trace or a scenario under Replay…</source>
        <translation>Pas de relecture : choisissez une trace ou un scénario sous Rejouer…</translation>
    </message>
    <message>
        <source>Event %1 of %2</source>
        <translation>Événement %1 sur %2</translation>
    </message>
    <message>
        <source>The server crashes holding the lock: the next login finds it stale</source>
        <translation>Le serveur plante en gardant le verrou : la connexion suivante le trouve périmé</translation>
    </message>
    <message>
        <source>Replay position</source>
        <translation>Position dans la relecture</translation>
    </message>
    <message>
        <source>Replayed transcript</source>
        <translation>Transcription relue</translation>
    </message>
    <message>
        <source>The 2000 tutorial: cleaning up a mail bomb with TOP and DELE</source>
        <translation>Le tutoriel de 2000 : nettoyer une bombe de courriels avec TOP et DELE</translation>
    </message>
    <message>
        <source>%1    (lock file refused: held by %2)</source>
        <translation>%1    (fichier de verrou refusé : tenu par %2)</translation>
    </message>
    <message>
        <source>%1    (stale lock file cleared: it was left by %2)</source>
        <translation>%1    (fichier de verrou périmé supprimé : laissé par %2)</translation>
    </message>
    <message>
        <source>── server: %1 ──</source>
        <translation>── serveur : %1 ──</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>client&apos;s command</source>
        <translation>commande du client</translation>
    </message>
    <message>
        <source>server&apos;s reply (+OK)</source>
        <translation>réponse du serveur (+OK)</translation>
    </message>
    <message>
        <source>server&apos;s reply (-ERR)</source>
        <translation>réponse du serveur (-ERR)</translation>
    </message>
    <message>
        <source>state changed</source>
        <translation>changement d&apos;état</translation>
    </message>
    <message>
        <source>lock file created</source>
        <translation>fichier de verrou créé</translation>
    </message>
    <message>
        <source>lock file removed</source>
        <translation>fichier de verrou supprimé</translation>
    </message>
    <message>
        <source>lock refused</source>
        <translation>verrou refusé</translation>
    </message>
    <message>
        <source>stale lock file cleared</source>
        <translation>fichier de verrou périmé supprimé</translation>
    </message>
    <message>
        <source>message marked deleted</source>
        <translation>message marqué pour suppression</translation>
    </message>
    <message>
        <source>marks reset</source>
        <translation>marques annulées</translation>
    </message>
    <message>
        <source>messages removed (UPDATE)</source>
        <translation>messages supprimés (UPDATE)</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Pause the replay here (P)</source>
        <translation>Mettre la relecture en pause ici (P)</translation>
    </message>
    <message>
        <source>Play at the chosen speed (P); Space steps one event</source>
        <translation>Lire à la vitesse choisie (P) ; Espace avance d&apos;un événement</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>── the server crashed: it held no lock ──</source>
        <translation>── le serveur a planté : il ne tenait aucun verrou ──</translation>
    </message>
    <message numerus="yes">
        <source>── the server crashed: %n lock file(s) left behind: %1 ──</source>
        <translation>
            <numerusform>── le serveur a planté : %n fichier de verrou laissé en place : %1 ──</numerusform>
            <numerusform>── le serveur a planté : %n fichiers de verrou laissés en place : %1 ──</numerusform>
        </translation>
    </message>
    <message>
        <source>End the replay; the diagram shows the live server again (Esc)</source>
        <translation>Terminer la relecture ; le diagramme montre à nouveau le serveur en direct (Échap)</translation>
    </message>
    <message>
        <source>── server: stale lock found: %1, left by pid %2 (its session is gone); the next login of %3 clears it ──</source>
        <translation>── serveur : verrou périmé trouvé : %1, laissé par le pid %2 (sa session n&apos;existe plus) ; la prochaine connexion de %3 le supprime ──</translation>
    </message>
    <message>
        <source>%1 C: %2   (pipelined: waits for the reply before it)</source>
        <translation>%1 C: %2   (en pipeline : attend la réponse d&apos;avant)</translation>
    </message>
    <message>
        <source>client&apos;s command, pipelined</source>
        <translation>commande du client, en pipeline</translation>
    </message>
    <message>
        <source>Play at class pace, one event every %1 s (P); Space steps one event</source>
        <translation>Lire au rythme de classe, un événement toutes les %1 s (P) ; Espace avance d&apos;un événement</translation>
    </message>
    <message>
        <source>%1 ── %2 ──</source>
        <translation>%1 ── %2 ──</translation>
    </message>
</context>
<context>
    <name>ResultsExport</name>
    <message>
        <source>Lab results: %1</source>
        <translation>Résultats du TP : %1</translation>
    </message>
    <message>
        <source>Server %1, %2. Each answer was checked against that student&apos;s own mailbox when it was given; the latest answer counts.</source>
        <translation>Serveur %1, %2. Chaque réponse a été vérifiée sur la boîte aux lettres de l&apos;élève au moment où elle a été donnée ; la dernière réponse compte.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Juste</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>The questions</source>
        <translation>Les questions</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>le PDF n&apos;a pas pu être écrit</translation>
    </message>
    <message>
        <source>tries: %1</source>
        <translation>essais : %1</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <source>Results written to %1.</source>
        <translation>Résultats écrits dans %1.</translation>
    </message>
    <message>
        <source>The results could not be written: %1</source>
        <translation>Les résultats n&apos;ont pas pu être écrits : %1</translation>
    </message>
    <message>
        <source>lab-results.pdf</source>
        <translation>resultats-tp.pdf</translation>
    </message>
    <message>
        <source>lab-results.csv</source>
        <translation>resultats-tp.csv</translation>
    </message>
    <message>
        <source>Export the Results as PDF</source>
        <translation>Exporter les résultats en PDF</translation>
    </message>
    <message>
        <source>Export the Results as CSV</source>
        <translation>Exporter les résultats en CSV</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Lesson: %1. Each answer is checked by the server against that student&apos;s own mailbox; the latest answer counts.</source>
        <translation>Leçon : %1. Le serveur vérifie chaque réponse sur la boîte aux lettres de l&apos;élève lui-même ; la dernière réponse compte.</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Résultats du TP</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation>Exporter en &amp;CSV...</translation>
    </message>
    <message>
        <source>Export P&amp;DF...</source>
        <translation>Exporter en P&amp;DF...</translation>
    </message>
    <message>
        <source>No lesson yet: a server that follows one sends it when the overview connects (pop3lab-server --class-lesson).</source>
        <translation>Pas encore de leçon : un serveur qui en suit une l&apos;envoie quand la vue d&apos;ensemble se connecte (pop3lab-server --class-lesson).</translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… %1 de plus</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(corps vide)</translation>
    </message>
    <message>
        <source>TCP connection from %1</source>
        <translation>connexion TCP depuis %1</translation>
    </message>
    <message>
        <source>%1… (%2 octets: too long)</source>
        <translation>%1… (%2 octets : trop long)</translation>
    </message>
    <message>
        <source>%1  [%2, %3 octets]</source>
        <translation>%1  [%2, %3 octets]</translation>
    </message>
    <message>
        <source>lock file created: %1</source>
        <translation>fichier de verrou créé : %1</translation>
    </message>
    <message>
        <source>lock file removed (no UPDATE): %1</source>
        <translation>fichier de verrou supprimé (pas d&apos;UPDATE) : %1</translation>
    </message>
    <message>
        <source>lock file removed: %1</source>
        <translation>fichier de verrou supprimé : %1</translation>
    </message>
    <message>
        <source>lock refused [IN-USE]: %1 exists</source>
        <translation>verrou refusé [IN-USE] : %1 existe</translation>
    </message>
    <message>
        <source>stale lock found and cleared: %1</source>
        <translation>verrou périmé trouvé et supprimé : %1</translation>
    </message>
    <message>
        <source>message %1 marked deleted (still there)</source>
        <translation>message %1 marqué pour suppression (toujours présent)</translation>
    </message>
    <message>
        <source>marks reset: %1 kept</source>
        <translation>marques annulées : %1 conservé(s)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>connection closed after QUIT</source>
        <translation>connexion fermée après QUIT</translation>
    </message>
    <message>
        <source>connection dropped (%1): no UPDATE</source>
        <translation>connexion coupée (%1) : pas d&apos;UPDATE</translation>
    </message>
    <message>
        <source>login as %1: %2 (%3 -ERR) collapsed</source>
        <translation>connexion en tant que %1 : %2 (%3 -ERR) repliées</translation>
    </message>
    <message>
        <source>login as %1: %2 collapsed</source>
        <translation>connexion en tant que %1 : %2 repliées</translation>
    </message>
    <message>
        <source>The client (%1) opens a TCP connection to the server; the server will greet it.</source>
        <translation>Le client (%1) ouvre une connexion TCP vers le serveur ; le serveur va lui envoyer son message d&apos;accueil.</translation>
    </message>
    <message>
        <source>The line is longer than POP3 allows (255 octets with CRLF); the server refuses it.</source>
        <translation>La ligne est plus longue que ce que POP3 autorise (255 octets avec CRLF) ; le serveur la refuse.</translation>
    </message>
    <message>
        <source>The client answers the server&apos;s SASL challenge (base64).</source>
        <translation>Le client répond au défi SASL du serveur (base64).</translation>
    </message>
    <message>
        <source>The client names the mailbox to open (%1); the password comes next.</source>
        <translation>Le client nomme la boîte aux lettres à ouvrir (%1) ; le mot de passe vient ensuite.</translation>
    </message>
    <message>
        <source>The client sends the password, in clear text on the wire.</source>
        <translation>Le client envoie le mot de passe, en clair sur le fil.</translation>
    </message>
    <message>
        <source>The client logs in with APOP: an MD5 digest of the greeting&apos;s timestamp and the password, so the password never crosses the wire.</source>
        <translation>Le client se connecte avec APOP : une empreinte MD5 du timestamp du message d&apos;accueil et du mot de passe, si bien que le mot de passe ne passe jamais sur le fil.</translation>
    </message>
    <message>
        <source>The client starts a SASL login.</source>
        <translation>Le client commence une connexion SASL.</translation>
    </message>
    <message>
        <source>The client asks to switch the connection to TLS.</source>
        <translation>Le client demande à passer la connexion en TLS.</translation>
    </message>
    <message>
        <source>The client asks which extensions the server supports.</source>
        <translation>Le client demande quelles extensions le serveur prend en charge.</translation>
    </message>
    <message>
        <source>The client ends the session: the server enters UPDATE, removes the messages marked deleted, then releases the lock.</source>
        <translation>Le client termine la session : le serveur passe en UPDATE, supprime les messages marqués pour suppression, puis libère le verrou.</translation>
    </message>
    <message>
        <source>The client leaves before logging in: nothing is locked, nothing will change.</source>
        <translation>Le client part avant de se connecter : rien n&apos;est verrouillé, rien ne changera.</translation>
    </message>
    <message>
        <source>The client asks how many messages the maildrop holds and their total size.</source>
        <translation>Le client demande combien de messages contient la boîte et leur taille totale.</translation>
    </message>
    <message>
        <source>The client asks for the size of message %1.</source>
        <translation>Le client demande la taille du message %1.</translation>
    </message>
    <message>
        <source>The client asks for the list of messages and their sizes.</source>
        <translation>Le client demande la liste des messages et de leurs tailles.</translation>
    </message>
    <message>
        <source>The client asks for the whole of message %1.</source>
        <translation>Le client demande le message %1 en entier.</translation>
    </message>
    <message>
        <source>The client asks to delete message %1: it is only marked now, and removed at QUIT.</source>
        <translation>Le client demande de supprimer le message %1 : il est seulement marqué pour l&apos;instant, et supprimé au QUIT.</translation>
    </message>
    <message>
        <source>The client checks that the server is still there; nothing changes.</source>
        <translation>Le client vérifie que le serveur est toujours là ; rien ne change.</translation>
    </message>
    <message>
        <source>The client asks to unmark every message marked deleted.</source>
        <translation>Le client demande d&apos;annuler la marque de tous les messages marqués pour suppression.</translation>
    </message>
    <message>
        <source>The client asks for the header of message %1 and the first lines of its body.</source>
        <translation>Le client demande l&apos;en-tête du message %1 et les premières lignes de son corps.</translation>
    </message>
    <message>
        <source>The client asks for unique-ids, to know which messages it has already seen.</source>
        <translation>Le client demande les identifiants uniques, pour savoir quels messages il a déjà vus.</translation>
    </message>
    <message>
        <source>The client asks for the highest message number accessed (LAST, obsolete).</source>
        <translation>Le client demande le plus grand numéro de message consulté (LAST, obsolète).</translation>
    </message>
    <message>
        <source>“%1” is not a POP3 command: a command is a keyword, a space and its arguments, with no colon.</source>
        <translation>« %1 » n&apos;est pas une commande POP3 : une commande est un mot-clé, une espace et ses arguments, sans deux-points.</translation>
    </message>
    <message>
        <source>“%1” is not a command the server knows.</source>
        <translation>« %1 » n&apos;est pas une commande que le serveur connaît.</translation>
    </message>
    <message>
        <source>This line never got a reply: the connection ended first.</source>
        <translation>Cette ligne n&apos;a jamais reçu de réponse : la connexion s&apos;est terminée avant.</translation>
    </message>
    <message>
        <source>The server greets the client: the session is in AUTHORIZATION, waiting for a login.</source>
        <translation>Le serveur accueille le client : la session est en AUTHORIZATION, en attente d&apos;une connexion.</translation>
    </message>
    <message>
        <source>The server sends a SASL challenge and waits for the client&apos;s answer.</source>
        <translation>Le serveur envoie un défi SASL et attend la réponse du client.</translation>
    </message>
    <message>
        <source>The server rejects the login; the session stays in AUTHORIZATION.</source>
        <translation>Le serveur rejette la connexion ; la session reste en AUTHORIZATION.</translation>
    </message>
    <message>
        <source>The server does not know this command: -ERR, and the session goes on in the same state.</source>
        <translation>Le serveur ne connaît pas cette commande : -ERR, et la session continue dans le même état.</translation>
    </message>
    <message>
        <source>%1 is only allowed in TRANSACTION, after logging in: -ERR.</source>
        <translation>%1 n&apos;est autorisé qu&apos;en TRANSACTION, après la connexion : -ERR.</translation>
    </message>
    <message>
        <source>%1 is only allowed in AUTHORIZATION: the session is already logged in.</source>
        <translation>%1 n&apos;est autorisé qu&apos;en AUTHORIZATION : la session est déjà connectée.</translation>
    </message>
    <message>
        <source>UPDATE failed: the marked messages could not all be removed.</source>
        <translation>Échec de l&apos;UPDATE : les messages marqués n&apos;ont pas tous pu être supprimés.</translation>
    </message>
    <message>
        <source>The server refuses %1: -ERR, nothing changes.</source>
        <translation>Le serveur refuse %1 : -ERR, rien ne change.</translation>
    </message>
    <message>
        <source>The server accepts the name and waits for the password.</source>
        <translation>Le serveur accepte le nom et attend le mot de passe.</translation>
    </message>
    <message>
        <source>The server checks the password, locks the maildrop and enters TRANSACTION.</source>
        <translation>Le serveur vérifie le mot de passe, verrouille la boîte et passe en TRANSACTION.</translation>
    </message>
    <message>
        <source>The server answers: the number of messages and their size in octets (marked messages are not counted).</source>
        <translation>Le serveur répond : le nombre de messages et leur taille en octets (les messages marqués ne sont pas comptés).</translation>
    </message>
    <message>
        <source>The server gives the number and size in octets of message %1.</source>
        <translation>Le serveur donne le numéro et la taille en octets du message %1.</translation>
    </message>
    <message>
        <source>The server sends message %1: %2, %3 octets, ended by a line with a single dot.</source>
        <translation>Le serveur envoie le message %1 : %2, %3 octets, terminé par une ligne contenant un seul point.</translation>
    </message>
    <message>
        <source>The server marks message %1 as deleted. It is still in the maildrop until UPDATE.</source>
        <translation>Le serveur marque le message %1 pour suppression. Il reste dans la boîte jusqu&apos;à l&apos;UPDATE.</translation>
    </message>
    <message>
        <source>The server does nothing and says +OK.</source>
        <translation>Le serveur ne fait rien et répond +OK.</translation>
    </message>
    <message>
        <source>The server unmarks every message: nothing will be deleted at QUIT.</source>
        <translation>Le serveur annule la marque de tous les messages : rien ne sera supprimé au QUIT.</translation>
    </message>
    <message>
        <source>The server sends the header and the first lines of message %1.</source>
        <translation>Le serveur envoie l&apos;en-tête et les premières lignes du message %1.</translation>
    </message>
    <message>
        <source>The server sends unique-ids, which stay the same from one session to the next.</source>
        <translation>Le serveur envoie les identifiants uniques, qui restent les mêmes d&apos;une session à l&apos;autre.</translation>
    </message>
    <message>
        <source>The server lists its capabilities.</source>
        <translation>Le serveur liste ses capacités.</translation>
    </message>
    <message>
        <source>The server has removed the marked messages and released the lock; it says goodbye and closes the connection.</source>
        <translation>Le serveur a supprimé les messages marqués et libéré le verrou ; il dit au revoir et ferme la connexion.</translation>
    </message>
    <message>
        <source>The server says goodbye; nothing was locked, nothing changes.</source>
        <translation>Le serveur dit au revoir ; rien n&apos;était verrouillé, rien ne change.</translation>
    </message>
    <message>
        <source>The server accepts: +OK.</source>
        <translation>Le serveur accepte : +OK.</translation>
    </message>
    <message>
        <source>The connection dropped before the whole body was sent.</source>
        <translation>La connexion a été coupée avant l&apos;envoi du corps complet.</translation>
    </message>
    <message>
        <source>The server creates the lock file %1: until it is removed, no other session can open this maildrop.</source>
        <translation>Le serveur crée le fichier de verrou %1 : tant qu&apos;il n&apos;est pas supprimé, aucune autre session ne peut ouvrir cette boîte.</translation>
    </message>
    <message>
        <source>A second login finds the lock file %1 (held by %2): it is refused with [IN-USE].</source>
        <translation>Une deuxième connexion trouve le fichier de verrou %1 (tenu par %2) : elle est refusée avec [IN-USE].</translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed; there is no UPDATE.</source>
        <translation>La connexion s&apos;est terminée sans QUIT : le fichier de verrou est supprimé ; il n&apos;y a pas d&apos;UPDATE.</translation>
    </message>
    <message>
        <source>The lock file is removed: the maildrop is free for the next session.</source>
        <translation>Le fichier de verrou est supprimé : la boîte est libre pour la session suivante.</translation>
    </message>
    <message>
        <source>A lock file left by a server that no longer runs (%1) is found and removed, so the login can go on.</source>
        <translation>Un fichier de verrou laissé par un serveur qui ne tourne plus (%1) est trouvé et supprimé, pour que la connexion puisse continuer.</translation>
    </message>
    <message>
        <source>Message %1 is marked deleted: hidden from this session, but still in the maildrop until QUIT.</source>
        <translation>Le message %1 est marqué pour suppression : caché pour cette session, mais toujours dans la boîte jusqu&apos;au QUIT.</translation>
    </message>
    <message>
        <source>The server closes the connection after QUIT.</source>
        <translation>Le serveur ferme la connexion après QUIT.</translation>
    </message>
    <message>
        <source>The client went away without QUIT: the session never enters UPDATE, so nothing marked is deleted.</source>
        <translation>Le client est parti sans QUIT : la session ne passe jamais en UPDATE, donc rien de ce qui est marqué n&apos;est supprimé.</translation>
    </message>
    <message>
        <source>The server logs the client out after too long without a command (autologout): no UPDATE.</source>
        <translation>Le serveur déconnecte le client après trop longtemps sans commande (autologout) : pas d&apos;UPDATE.</translation>
    </message>
    <message>
        <source>The server closes the connection after too many bad commands: no UPDATE.</source>
        <translation>Le serveur ferme la connexion après trop de commandes erronées : pas d&apos;UPDATE.</translation>
    </message>
    <message>
        <source>The server shuts down: the session ends without UPDATE.</source>
        <translation>Le serveur s&apos;arrête : la session se termine sans UPDATE.</translation>
    </message>
    <message>
        <source>The connection failed: the session ends without UPDATE.</source>
        <translation>La connexion a échoué : la session se termine sans UPDATE.</translation>
    </message>
    <message>
        <source>AUTHORIZATION, collapsed: %1 exchanged to log in as %2; the session is now in TRANSACTION.</source>
        <translation>AUTHORIZATION, repliée : %1 échangées pour se connecter en tant que %2 ; la session est maintenant en TRANSACTION.</translation>
    </message>
    <message>
        <source>RFC 1939 §4 (The AUTHORIZATION State)</source>
        <translation>RFC 1939 §4 (L&apos;état AUTHORIZATION)</translation>
    </message>
    <message>
        <source>RFC 1939 §5 (The TRANSACTION State)</source>
        <translation>RFC 1939 §5 (L&apos;état TRANSACTION)</translation>
    </message>
    <message>
        <source>RFC 1939 §6 (The UPDATE State)</source>
        <translation>RFC 1939 §6 (L&apos;état UPDATE)</translation>
    </message>
    <message>
        <source>RFC 1939 §7 (Optional POP3 Commands)</source>
        <translation>RFC 1939 §7 (Commandes POP3 facultatives)</translation>
    </message>
    <message>
        <source>RFC 1939 §3 (Basic Operation: the autologout timer)</source>
        <translation>RFC 1939 §3 (Fonctionnement de base : le minuteur d&apos;autologout)</translation>
    </message>
    <message>
        <source>RFC 1939 §4; RFC 2449 §8.1.2 ([IN-USE])</source>
        <translation>RFC 1939 §4 ; RFC 2449 §8.1.2 ([IN-USE])</translation>
    </message>
    <message>
        <source>RFC 2449 §5 (The CAPA Command)</source>
        <translation>RFC 2449 §5 (La commande CAPA)</translation>
    </message>
    <message>
        <source>RFC 5034 §4 (The AUTH Command)</source>
        <translation>RFC 5034 §4 (La commande AUTH)</translation>
    </message>
    <message>
        <source>RFC 2595 §4 (POP3 STARTTLS extension)</source>
        <translation>RFC 2595 §4 (Extension STARTTLS de POP3)</translation>
    </message>
    <message>
        <source>RFC 1460 (LAST, removed from RFC 1725 on)</source>
        <translation>RFC 1460 (LAST, retirée à partir de la RFC 1725)</translation>
    </message>
    <message>
        <source>RFC 1939 §3 (Basic Operation: commands and replies)</source>
        <translation>RFC 1939 §3 (Fonctionnement de base : commandes et réponses)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>lock removed, no UPDATE: message(s) %1 NOT deleted</source>
        <translation>
            <numerusform>verrou supprimé, pas d&apos;UPDATE : message %1 NON supprimé</numerusform>
            <numerusform>verrou supprimé, pas d&apos;UPDATE : messages %1 NON supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UPDATE: message(s) %1 removed for good</source>
        <translation>
            <numerusform>UPDATE : message %1 supprimé définitivement</numerusform>
            <numerusform>UPDATE : messages %1 supprimés définitivement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>connection dropped (%1): no UPDATE, message(s) %2 kept</source>
        <translation>
            <numerusform>connexion coupée (%1) : pas d&apos;UPDATE, message %2 conservé</numerusform>
            <numerusform>connexion coupée (%1) : pas d&apos;UPDATE, messages %2 conservés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n message(s) not marked deleted: number and size in octets, then a line with a single dot.</source>
        <translation>
            <numerusform>Le serveur liste %n message non marqué pour suppression : numéro et taille en octets, puis une ligne contenant un seul point.</numerusform>
            <numerusform>Le serveur liste %n messages non marqués pour suppression : numéro et taille en octets, puis une ligne contenant un seul point.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marks removed from message(s) %1: they will not be deleted.</source>
        <translation>
            <numerusform>Marque retirée du message %1 : il ne sera pas supprimé.</numerusform>
            <numerusform>Marques retirées des messages %1 : ils ne seront pas supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UPDATE: the server removes message(s) %1 from the maildrop for good.</source>
        <translation>
            <numerusform>UPDATE : le serveur supprime définitivement le message %1 de la boîte.</numerusform>
            <numerusform>UPDATE : le serveur supprime définitivement les messages %1 de la boîte.</numerusform>
        </translation>
    </message>
    <message>
        <source>client left without QUIT</source>
        <translation>client parti sans QUIT</translation>
    </message>
    <message>
        <source>autologout</source>
        <translation>autologout</translation>
    </message>
    <message>
        <source>too many bad commands</source>
        <translation>trop de commandes erronées</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>serveur arrêté</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>hôte introuvable</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>erreur réseau</translation>
    </message>
    <message>
        <source>another server</source>
        <translation>un autre serveur</translation>
    </message>
    <message numerus="yes">
        <source>mailbox of %1 reset to a fresh copy (%n message(s))</source>
        <translation>
            <numerusform>boîte de %1 réinitialisée avec une copie neuve (%n message)</numerusform>
            <numerusform>boîte de %1 réinitialisée avec une copie neuve (%n messages)</numerusform>
        </translation>
    </message>
    <message>
        <source>mailbox of %1 reset to a fresh copy</source>
        <translation>boîte de %1 réinitialisée avec une copie neuve</translation>
    </message>
    <message>
        <source>the server now answers as %1</source>
        <translation>le serveur répond désormais comme %1</translation>
    </message>
    <message>
        <source>the teacher cut this connection (a simulated network fault)</source>
        <translation>l&apos;enseignant a coupé cette connexion (une panne réseau simulée)</translation>
    </message>
    <message>
        <source>a crashed server&apos;s lock was left behind: %1</source>
        <translation>le verrou d&apos;un serveur planté est resté : %1</translation>
    </message>
    <message>
        <source>UPDATE failed: %1</source>
        <translation>échec de l&apos;UPDATE : %1</translation>
    </message>
    <message>
        <source>the maildrop could not be read again: %1</source>
        <translation>la boîte n&apos;a pas pu être relue : %1</translation>
    </message>
    <message>
        <source>the maildrop was read with a warning: %1</source>
        <translation>la boîte a été lue avec un avertissement : %1</translation>
    </message>
    <message>
        <source>no file descriptor left: new clients are refused until some leave</source>
        <translation>plus de descripteur de fichier libre : les nouveaux clients sont refusés jusqu&apos;à ce que d&apos;autres partent</translation>
    </message>
    <message>
        <source>server note</source>
        <translation>note du serveur</translation>
    </message>
    <message>
        <source>server note: %1</source>
        <translation>note du serveur : %1</translation>
    </message>
    <message>
        <source>The teacher reset %1&apos;s mailbox: the workspace copy was replaced by a fresh copy of the sample, so every message is back.</source>
        <translation>L&apos;enseignant a réinitialisé la boîte de %1 : la copie de travail a été remplacée par une copie neuve de l&apos;exemple, tous les messages sont revenus.</translation>
    </message>
    <message>
        <source>From now on the server words its replies as %1 does; the protocol is the same.</source>
        <translation>Désormais le serveur formule ses réponses comme %1 ; le protocole reste le même.</translation>
    </message>
    <message>
        <source>The lesson left the lock file %1 of a server that crashed: its holder&apos;s process is gone, so the lock is stale.</source>
        <translation>La leçon a laissé le fichier de verrou %1 d&apos;un serveur planté : le processus qui le tenait n&apos;existe plus, le verrou est donc périmé.</translation>
    </message>
    <message>
        <source>Nothing answered on %1: the connection was refused (no server listens on that port), so no POP3 session began.</source>
        <translation>Rien n&apos;a répondu sur %1 : la connexion a été refusée (aucun serveur n&apos;écoute sur ce port), aucune session POP3 n&apos;a commencé.</translation>
    </message>
    <message>
        <source>The name in %1 could not be resolved to an address: no connection, no POP3 session.</source>
        <translation>Le nom dans %1 n&apos;a pas pu être résolu en adresse : pas de connexion, pas de session POP3.</translation>
    </message>
    <message>
        <source>too many failed logins</source>
        <translation>trop d’échecs de connexion</translation>
    </message>
    <message>
        <source>mailbox in use</source>
        <translation>boîte aux lettres occupée</translation>
    </message>
    <message>
        <source>The server closes the connection after three failed logins, each answered later than the one before: guessing a password is slow by design.</source>
        <translation>Le serveur ferme la connexion après trois échecs d’authentification, chacun répondu plus tard que le précédent : deviner un mot de passe est lent à dessein.</translation>
    </message>
    <message>
        <source>Dovecot waited about ten seconds for the lock, answered [IN-USE] and closed the connection: open a new session once the other one has quit.</source>
        <translation>Dovecot a attendu une dizaine de secondes le verrou, a répondu [IN-USE] et a fermé la connexion : ouvrez une nouvelle session une fois que l’autre a quitté.</translation>
    </message>
    <message>
        <source>the teacher slowed the server: %1 ms per reply</source>
        <translation>l&apos;enseignant a ralenti le serveur : %1 ms par réponse</translation>
    </message>
    <message>
        <source>the server answers at full speed again</source>
        <translation>le serveur répond de nouveau à pleine vitesse</translation>
    </message>
    <message>
        <source>the teacher made this login fail (a simulated storage fault)</source>
        <translation>l&apos;enseignant a fait échouer cette connexion (une panne de stockage simulée)</translation>
    </message>
    <message numerus="yes">
        <source>the server crashed, leaving %n lock file(s) behind</source>
        <translation>
            <numerusform>le serveur a planté en laissant %n fichier de verrou</numerusform>
            <numerusform>le serveur a planté en laissant %n fichiers de verrou</numerusform>
        </translation>
    </message>
    <message>
        <source>a new message was delivered to %1</source>
        <translation>un nouveau message a été livré à %1</translation>
    </message>
    <message>
        <source>The teacher took the delay away: every reply is sent at once again.</source>
        <translation>L&apos;enseignant a retiré le délai : chaque réponse est de nouveau envoyée aussitôt.</translation>
    </message>
    <message>
        <source>The teacher slowed the server down: each reply now waits %1 ms. A client that sends several commands at once (pipelining) gets the replies in order, one by one; a client with a short timeout may give up.</source>
        <translation>L&apos;enseignant a ralenti le serveur : chaque réponse attend maintenant %1 ms. Un client qui envoie plusieurs commandes d&apos;un coup (pipelining) reçoit les réponses dans l&apos;ordre, une par une ; un client au délai d&apos;attente court peut abandonner.</translation>
    </message>
    <message>
        <source>The teacher made the storage fail for this login: the password was right, but the maildrop could not be opened, so the server answers -ERR [SYS/TEMP] (RFC 3206: a temporary system problem, try again later). Nothing is locked.</source>
        <translation>L&apos;enseignant a fait échouer le stockage pour cette connexion : le mot de passe était juste, mais la boîte n&apos;a pas pu être ouverte, donc le serveur répond -ERR [SYS/TEMP] (RFC 3206 : un problème système temporaire, réessayez plus tard). Rien n&apos;est verrouillé.</translation>
    </message>
    <message>
        <source>The teacher killed the server: every connection was cut at once, with no goodbye and no UPDATE. No lock was held.</source>
        <translation>L&apos;enseignant a tué le serveur : toutes les connexions ont été coupées d&apos;un coup, sans au revoir et sans UPDATE. Aucun verrou n&apos;était tenu.</translation>
    </message>
    <message>
        <source>The teacher killed the server: every connection was cut at once, with no goodbye and no UPDATE, and the lock files were not removed (%1). The server restarted; the next login of that user finds the lock stale (its session is gone), removes it and goes on.</source>
        <translation>L&apos;enseignant a tué le serveur : toutes les connexions ont été coupées d&apos;un coup, sans au revoir et sans UPDATE, et les fichiers de verrou n&apos;ont pas été supprimés (%1). Le serveur a redémarré ; la prochaine connexion de cet utilisateur trouve le verrou périmé (sa session n&apos;existe plus), le supprime et continue.</translation>
    </message>
    <message>
        <source>A new message was delivered to %1&apos;s maildrop (%2). A session already logged in does not see it: it works on the maildrop as it was at login (RFC 1939). It shows at the next login.</source>
        <translation>Un nouveau message a été livré dans la boîte de %1 (%2). Une session déjà connectée ne le voit pas : elle travaille sur la boîte telle qu&apos;elle était à la connexion (RFC 1939). Il apparaît à la connexion suivante.</translation>
    </message>
    <message>
        <source>Why: no process has the pid written in it any more.</source>
        <translation>Pourquoi : plus aucun processus n’a le pid qui y est écrit.</translation>
    </message>
    <message>
        <source>Why: it was written before the machine last started (its boot id differs), so whatever process has that pid now is not its holder.</source>
        <translation>Pourquoi : il a été écrit avant le dernier démarrage de la machine (son identifiant de démarrage diffère) ; le processus qui a ce pid aujourd’hui n’est donc pas son détenteur.</translation>
    </message>
    <message>
        <source>Why: a process has that pid, but it started at another time than the holder written in the file: the pid was reused by another program.</source>
        <translation>Pourquoi : un processus a ce pid, mais il a démarré à un autre moment que le détenteur inscrit dans le fichier : le pid a été réutilisé par un autre programme.</translation>
    </message>
    <message>
        <source>Why: this server wrote it for a session that has ended.</source>
        <translation>Pourquoi : ce serveur l’a écrit pour une session qui est terminée.</translation>
    </message>
    <message>
        <source>Why: it is empty (its writer died before filling it) and older than a minute.</source>
        <translation>Pourquoi : il est vide (son auteur est mort avant de le remplir) et date de plus d’une minute.</translation>
    </message>
    <message>
        <source>TLS handshake: %1</source>
        <translation>Négociation TLS : %1</translation>
    </message>
    <message>
        <source>%1 octets sent after STLS were discarded unread</source>
        <translation>%1 octets envoyés après STLS ont été jetés sans être lus</translation>
    </message>
    <message>
        <source>Client and server agreed on keys (the TLS handshake: %1). From here on, every line in both directions is encrypted: someone on the path sees only opaque records, not the commands, the password or the mail.</source>
        <translation>Le client et le serveur se sont mis d&apos;accord sur des clés (la négociation TLS : %1). À partir d&apos;ici, chaque ligne est chiffrée dans les deux sens : quelqu&apos;un sur le chemin ne voit que des enregistrements opaques, ni les commandes, ni le mot de passe, ni le courrier.</translation>
    </message>
    <message>
        <source>The client sent %1 octets after STLS without waiting for +OK. The server throws them away unread (RFC 2595): whatever was written before the encryption began could have been injected by someone on the path (CVE-2011-0411).</source>
        <translation>Le client a envoyé %1 octets après STLS sans attendre le +OK. Le serveur les jette sans les lire (RFC 2595) : tout ce qui a été écrit avant le début du chiffrement a pu être injecté par quelqu&apos;un sur le chemin (CVE-2011-0411).</translation>
    </message>
    <message>
        <source>the teacher made this commit stop half-way (a simulated write error)</source>
        <translation>l&apos;enseignant a arrêté cette validation à mi-chemin (une erreur d&apos;écriture simulée)</translation>
    </message>
    <message numerus="yes">
        <source>The teacher made UPDATE stop half-way with a write error: the journal naming the %n message(s) marked deleted was written, only some were removed, and the server says -ERR [SYS/TEMP]. The mailbox stays consistent: the next login finishes the journal, so every marked message goes and no other (the commit is all or nothing).</source>
        <translation>
            <numerusform>L&apos;enseignant a arrêté l&apos;UPDATE à mi-chemin par une erreur d&apos;écriture : le journal qui nomme le message marqué pour suppression a été écrit, seule une partie a été supprimée, et le serveur répond -ERR [SYS/TEMP]. La boîte reste cohérente : la connexion suivante termine le journal, donc chaque message marqué disparaît et aucun autre (la validation se fait entièrement ou pas du tout).</numerusform>
            <numerusform>L&apos;enseignant a arrêté l&apos;UPDATE à mi-chemin par une erreur d&apos;écriture : le journal qui nomme les %n messages marqués pour suppression a été écrit, seule une partie a été supprimée, et le serveur répond -ERR [SYS/TEMP]. La boîte reste cohérente : la connexion suivante termine le journal, donc chaque message marqué disparaît et aucun autre (la validation se fait entièrement ou pas du tout).</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypted (TLS): an eavesdropper sees only an opaque record of some octets, not this line.</source>
        <translation>Chiffré (TLS) : une oreille indiscrète ne voit qu&apos;un enregistrement opaque de quelques octets, pas cette ligne.</translation>
    </message>
    <message>
        <source>An eavesdropper reads this reply in clear, body included.</source>
        <translation>Une oreille indiscrète lit cette réponse en clair, corps compris.</translation>
    </message>
    <message>
        <source>An eavesdropper reads this reply in clear.</source>
        <translation>Une oreille indiscrète lit cette réponse en clair.</translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name and the CRAM-MD5 digest: readable but not reusable, since it answers this connection&apos;s one-time challenge. It is still MD5: with the challenge and the digest, passwords can be tried offline, very fast.</source>
        <translation>Une oreille indiscrète lit le nom d&apos;utilisateur et l&apos;empreinte CRAM-MD5 : lisible mais pas réutilisable, car elle répond au défi à usage unique de cette connexion. C&apos;est tout de même du MD5 : avec le défi et l&apos;empreinte, on peut essayer des mots de passe hors ligne, très vite.</translation>
    </message>
    <message>
        <source>An eavesdropper reads a SCRAM-SHA-256 message: salted and not reusable; the password can only be guessed offline, slowly (many rounds of SHA-256).</source>
        <translation>Une oreille indiscrète lit un message SCRAM-SHA-256 : salé et pas réutilisable ; le mot de passe ne peut être deviné que hors ligne, lentement (de nombreux tours de SHA-256).</translation>
    </message>
    <message>
        <source>An eavesdropper decodes this base64 at once: with %1 it holds the user name and the password, in clear.</source>
        <translation>Une oreille indiscrète décode ce base64 aussitôt : avec %1, il contient le nom d&apos;utilisateur et le mot de passe, en clair.</translation>
    </message>
    <message>
        <source>The password leaks: an eavesdropper reads &quot;%1&quot; in clear and can log in with it.</source>
        <translation>Le mot de passe fuit : une oreille indiscrète lit « %1 » en clair et peut s&apos;en servir pour se connecter.</translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name (%1) in clear.</source>
        <translation>Une oreille indiscrète lit le nom d&apos;utilisateur (%1) en clair.</translation>
    </message>
    <message>
        <source>An eavesdropper reads the user name and the MD5 digest: readable but not reusable, since it mixes the password with this greeting&apos;s timestamp, which changes every connection. MD5 is no longer enough: with the timestamp and the digest, passwords can be tried offline by the billion.</source>
        <translation>Une oreille indiscrète lit le nom d&apos;utilisateur et l&apos;empreinte MD5 : lisible mais pas réutilisable, car elle mêle le mot de passe à l&apos;horodatage de cet accueil, qui change à chaque connexion. MD5 ne suffit plus : avec l&apos;horodatage et l&apos;empreinte, on peut essayer des milliards de mots de passe hors ligne.</translation>
    </message>
    <message>
        <source>An eavesdropper decodes the initial response (base64) at once: it holds the user name and the password, in clear.</source>
        <translation>Une oreille indiscrète décode aussitôt la réponse initiale (base64) : elle contient le nom d&apos;utilisateur et le mot de passe, en clair.</translation>
    </message>
    <message>
        <source>An eavesdropper reads which SASL mechanism is used.</source>
        <translation>Une oreille indiscrète lit quel mécanisme SASL est utilisé.</translation>
    </message>
    <message>
        <source>An eavesdropper reads STLS in clear; after the server&apos;s +OK it sees nothing but encrypted records.</source>
        <translation>Une oreille indiscrète lit STLS en clair ; après le +OK du serveur, elle ne voit plus que des enregistrements chiffrés.</translation>
    </message>
    <message>
        <source>An eavesdropper reads this line in clear.</source>
        <translation>Une oreille indiscrète lit cette ligne en clair.</translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE] and the server closes the connection (Dovecot first waits about ten seconds for the lock). Open a new session once the other one has quit.</source>
        <translation>Le mot de passe était juste, mais une autre session tient le verrou de la boîte : la connexion est refusée [IN-USE] et le serveur ferme la connexion (Dovecot attend d&apos;abord une dizaine de secondes le verrou). Ouvrez une nouvelle session une fois que l&apos;autre a quitté.</translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE]; the session is still in AUTHORIZATION and may try again once the other one has quit.</source>
        <translation>Le mot de passe était juste, mais une autre session tient le verrou de la boîte : la connexion est refusée [IN-USE] ; la session est toujours en AUTHORIZATION et peut réessayer une fois que l&apos;autre a quitté.</translation>
    </message>
    <message>
        <source>The password was right, but another session holds the maildrop lock: the login is refused [IN-USE]. Dovecot then closes the connection; a server that keeps it open lets the client try again.</source>
        <translation>Le mot de passe était juste, mais une autre session tient le verrou de la boîte : la connexion est refusée [IN-USE]. Dovecot ferme alors la connexion ; un serveur qui la garde ouverte laisse le client réessayer.</translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed, but the session never enters UPDATE, so message %1, marked deleted, stays in the maildrop.</source>
        <translation>La connexion s&apos;est terminée sans QUIT : le fichier de verrou est supprimé, mais la session n&apos;entre jamais en UPDATE, donc le message %1, marqué pour suppression, reste dans la boîte.</translation>
    </message>
    <message>
        <source>The connection ended without QUIT: the lock file is removed, but the session never enters UPDATE, so messages %1, marked deleted, stay in the maildrop.</source>
        <translation>La connexion s&apos;est terminée sans QUIT : le fichier de verrou est supprimé, mais la session n&apos;entre jamais en UPDATE, donc les messages %1, marqués pour suppression, restent dans la boîte.</translation>
    </message>
    <message>
        <source>Message %1 stays in the maildrop.</source>
        <translation>Le message %1 reste dans la boîte.</translation>
    </message>
    <message>
        <source>Messages %1 stay in the maildrop.</source>
        <translation>Les messages %1 restent dans la boîte.</translation>
    </message>
    <message>
        <source>stale lock found at restart: %1, left by the killed server&apos;s session</source>
        <translation>verrou périmé trouvé au redémarrage : %1, laissé par la session du serveur tué</translation>
    </message>
    <message>
        <source>stale lock found at start: %1, left by pid %2 (gone)</source>
        <translation>verrou périmé trouvé au démarrage : %1, laissé par le pid %2 (disparu)</translation>
    </message>
    <message>
        <source>Started again, the server found the lock file %1 of %2&apos;s maildrop: the server killed from the Faults menu left it (the session that held it is gone and nothing removed the file). Nobody holds the maildrop now: the lock is stale. The next login of %2 finds it stale, removes it and goes on.</source>
        <translation>Redémarré, le serveur a trouvé le fichier de verrou %1 de la boîte de %2 : le serveur tué depuis le menu Pannes l&apos;a laissé (la session qui le tenait n&apos;existe plus et rien n&apos;a supprimé le fichier). Personne ne tient la boîte : le verrou est périmé. La prochaine connexion de %2 le trouve périmé, le supprime et continue.</translation>
    </message>
    <message>
        <source>At start the server found the lock file %1 of %2&apos;s maildrop, written by process %3, which no longer runs: it crashed or was killed without removing its lock. Nobody holds the maildrop: the lock is stale. The next login of %2 finds it stale, removes it and goes on.</source>
        <translation>Au démarrage, le serveur a trouvé le fichier de verrou %1 de la boîte de %2, écrit par le processus %3, qui ne tourne plus : il a planté ou a été tué sans supprimer son verrou. Personne ne tient la boîte : le verrou est périmé. La prochaine connexion de %2 le trouve périmé, le supprime et continue.</translation>
    </message>
    <message>
        <source>The client sent this line before the reply to its previous command had arrived (pipelining, RFC 2449): the server keeps it and answers each line in turn, so the replies come back in the order of the commands.</source>
        <translation>Le client a envoyé cette ligne avant que la réponse à sa commande précédente ne soit arrivée (pipelining, RFC 2449) : le serveur la garde et répond à chaque ligne à son tour, si bien que les réponses reviennent dans l&apos;ordre des commandes.</translation>
    </message>
    <message>
        <source>connection closed by the server after [IN-USE]</source>
        <translation>connexion fermée par le serveur après [IN-USE]</translation>
    </message>
    <message>
        <source>by the teacher</source>
        <translation>par l&apos;enseignant</translation>
    </message>
    <message>
        <source>server killed by the teacher</source>
        <translation>serveur tué par l&apos;enseignant</translation>
    </message>
    <message>
        <source>The teacher dropped this connection (Faults › Drop This Connection Now): the server closed it on purpose, as a network fault would. The session ends without UPDATE.</source>
        <translation>L&apos;enseignant a coupé cette connexion (Pannes › Couper cette connexion maintenant) : le serveur l&apos;a fermée exprès, comme le ferait une panne réseau. La session se termine sans UPDATE.</translation>
    </message>
    <message>
        <source>The teacher killed the server (Faults › Kill the Server): the connection died with it, and the session ends without UPDATE.</source>
        <translation>L&apos;enseignant a tué le serveur (Pannes › Tuer le serveur) : la connexion est morte avec lui, et la session se termine sans UPDATE.</translation>
    </message>
    <message>
        <source>It answers “%1”, further up: the client sent several commands without waiting for their replies (pipelining), and the replies come back in the order of the commands.</source>
        <translation>Elle répond à « %1 », plus haut : le client a envoyé plusieurs commandes sans attendre leurs réponses (pipelining), et les réponses reviennent dans l&apos;ordre des commandes.</translation>
    </message>
</context>
<context>
    <name>SequencePainter</name>
    <message>
        <source>   (no reply)</source>
        <translation>   (pas de réponse)</translation>
    </message>
    <message>
        <source>time (UTC)</source>
        <translation>heure (UTC)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <source>maildrop</source>
        <translation>boîte aux lettres</translation>
    </message>
    <message>
        <source>lock file band</source>
        <translation>bande du fichier de verrou</translation>
    </message>
    <message>
        <source>other server</source>
        <translation>autre serveur</translation>
    </message>
    <message>
        <source>built into pop3lab</source>
        <translation>intégré à pop3lab</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>built-in</source>
        <comment>the server&apos;s lane, short for: built into pop3lab</comment>
        <translation>intégré</translation>
    </message>
    <message>
        <source>lock band</source>
        <comment>the maildrop&apos;s lane, short for: lock file band</comment>
        <translation>verrou</translation>
    </message>
    <message>
        <source>session %1 · bar: state</source>
        <comment>the lane&apos;s bar is coloured by the session&apos;s state</comment>
        <translation>session %1 · barre : état</translation>
    </message>
    <message>
        <source>   (pipelined)</source>
        <translation>   (en pipeline)</translation>
    </message>
</context>
<context>
    <name>SequenceView</name>
    <message>
        <source>Sequence diagram</source>
        <translation>Diagramme de séquence</translation>
    </message>
    <message>
        <source>No POP3 traffic yet.
Connect a terminal to the built-in server, or open a trace.</source>
        <translation>Pas encore de trafic POP3.
Connectez un terminal au serveur intégré, ou ouvrez une trace.</translation>
    </message>
    <message>
        <source>No POP3 traffic yet.
What the student types next appears here.</source>
        <translation>Pas encore de trafic POP3.
Ce que l&apos;élève tapera s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>↓ Follow the newest (End)</source>
        <translation>↓ Suivre le plus récent (Fin)</translation>
    </message>
    <message>
        <source>Scroll to the newest step and keep it in view, as a terminal does</source>
        <translation>Défiler jusqu&apos;à la dernière étape et la garder en vue, comme le fait un terminal</translation>
    </message>
</context>
<context>
    <name>StudentWindow</name>
    <message>
        <source>[%1] (connection closed)</source>
        <translation>[%1] (connexion fermée)</translation>
    </message>
    <message>
        <source>%1: live diagram and transcript</source>
        <translation>%1 : diagramme et transcription en direct</translation>
    </message>
    <message>
        <source>Nothing typed yet.</source>
        <translation>Rien n&apos;a encore été tapé.</translation>
    </message>
</context>
<context>
    <name>TerminalPane</name>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Open another connection in a new tab (Ctrl+Shift+T)</source>
        <translation>Ouvrir une autre connexion dans un nouvel onglet (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <source>Show control characters</source>
        <translation>Afficher les caractères de contrôle</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <source>Terminal %1 — %2</source>
        <translation>Terminal %1 — %2</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (fermé)</translation>
    </message>
    <message>
        <source>No session: File ▸ New session (Ctrl+Shift+T)</source>
        <translation>Aucune session : Fichier ▸ Nouvelle session (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <source>Show CR (\r), LF (\n), the byte-stuffing dots and the end of each multi-line reply: what really crosses the wire</source>
        <translation>Afficher CR (\r), LF (\n), les points de bourrage et la fin de chaque réponse multiligne : ce qui passe vraiment sur le fil</translation>
    </message>
    <message>
        <source>Show CR, LF, the byte-stuffing dots and the end of each multi-line reply: what really crosses the wire</source>
        <translation>Afficher CR, LF, les points de bourrage et la fin de chaque réponse multiligne : ce qui passe vraiment sur le fil</translation>
    </message>
    <message>
        <source>Terminal tabs</source>
        <translation>Onglets du terminal</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Fermer %1</translation>
    </message>
    <message>
        <source>Close all c&amp;losed tabs</source>
        <translation>Fermer tous les onglets fermé&amp;s</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Fermer la session</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of this session are marked for deletion. Closing the tab drops the connection without QUIT: the server deletes nothing and the marks are lost. Close it anyway?</source>
        <translation>
            <numerusform>%n message de cette session est marqué pour suppression. Fermer l&apos;onglet coupe la connexion sans QUIT : le serveur ne supprime rien et la marque est perdue. Fermer quand même ?</numerusform>
            <numerusform>%n messages de cette session sont marqués pour suppression. Fermer l&apos;onglet coupe la connexion sans QUIT : le serveur ne supprime rien et les marques sont perdues. Fermer quand même ?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (échec)</translation>
    </message>
    <message>
        <source>%1 (cut)</source>
        <translation>%1 (coupé)</translation>
    </message>
    <message>
        <source>The connection could not be opened. Enter or right-click: try again.</source>
        <translation>La connexion n&apos;a pas pu être ouverte. Entrée ou clic droit : réessayer.</translation>
    </message>
    <message>
        <source>The server cut this connection without a QUIT. Enter or right-click: restart.</source>
        <translation>Le serveur a coupé cette connexion sans QUIT. Entrée ou clic droit : redémarrer.</translation>
    </message>
    <message>
        <source>This connection is closed. Enter or right-click: restart.</source>
        <translation>Cette connexion est fermée. Entrée ou clic droit : redémarrer.</translation>
    </message>
    <message>
        <source>%1 · closed · Enter: restart</source>
        <translation>%1 · fermée · Entrée : redémarrer</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Certificat non approuvé</translation>
    </message>
    <message>
        <source>The server at %1 showed a certificate that this computer does not trust.</source>
        <translation>Le serveur %1 a présenté un certificat auquel cet ordinateur ne fait pas confiance.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Encryption would still hide what you type from an eavesdropper, but nothing proves that you talk to the real server: someone on the path could show their own certificate and read everything. A self-signed certificate (like the one pop3lab or pop3lab-server makes for itself) always looks like this.&lt;/p&gt;&lt;p&gt;Compare this SHA-256 fingerprint with the one the server printed when it started (or the one the teacher shows). Continue only if they are the same.&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Why it is not trusted: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le chiffrement cacherait toujours ce que vous tapez à une oreille indiscrète, mais rien ne prouve que vous parlez au vrai serveur : quelqu&apos;un sur le chemin pourrait présenter son propre certificat et tout lire. Un certificat auto-signé (comme celui que pop3lab ou pop3lab-server fabrique pour lui-même) se présente toujours ainsi.&lt;/p&gt;&lt;p&gt;Comparez cette empreinte SHA-256 avec celle que le serveur a affichée au démarrage (ou celle que montre l&apos;enseignant). Continuez seulement si elles sont identiques.&lt;/p&gt;&lt;p&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Pourquoi il n&apos;est pas approuvé : %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Continue: the fingerprints match</source>
        <translation>&amp;Continuer : les empreintes correspondent</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>No session: Ctrl+Shift+T</source>
        <translation>Aucune session : Ctrl+Maj+T</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>%1 (closed, [IN-USE])</source>
        <translation>%1 (fermé, [IN-USE])</translation>
    </message>
    <message>
        <source>The server closed this connection after -ERR [IN-USE]: another session holds the mailbox&apos;s lock. Enter or right-click: restart.</source>
        <translation>Le serveur a fermé cette connexion après -ERR [IN-USE] : une autre session détient le verrou de la boîte. Entrée ou clic droit : redémarrer.</translation>
    </message>
    <message>
        <source>%1 · Enter: restart</source>
        <translation>%1 · Entrée : redémarrer</translation>
    </message>
</context>
<context>
    <name>TerminalSession</name>
    <message>
        <source>Connection closed.</source>
        <translation>Connexion fermée.</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Erreur réseau : %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>autologout: the session was idle too long</source>
        <translation>déconnexion automatique : la session est restée inactive trop longtemps</translation>
    </message>
    <message>
        <source>too many bad commands</source>
        <translation>trop de commandes erronées</translation>
    </message>
    <message>
        <source>the server was shut down</source>
        <translation>le serveur a été arrêté</translation>
    </message>
    <message>
        <source>a network error on the server&apos;s side</source>
        <translation>une erreur réseau du côté du serveur</translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT.</source>
        <translation>Connexion fermée par le serveur après QUIT.</translation>
    </message>
    <message>
        <source>Connecting to %1 (%2)...</source>
        <translation>Connexion à %1 (%2)...</translation>
    </message>
    <message>
        <source>The server said +OK to STLS: starting the TLS handshake...</source>
        <translation>Le serveur a répondu +OK à STLS : début de la négociation TLS...</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>Le certificat du serveur n&apos;est pas approuvé : %1</translation>
    </message>
    <message>
        <source>You chose to trust this certificate (SHA-256 %1) for this connection.</source>
        <translation>Vous avez choisi de faire confiance à ce certificat (SHA-256 %1) pour cette connexion.</translation>
    </message>
    <message>
        <source>You did not trust this certificate: the connection is dropped.</source>
        <translation>Vous n&apos;avez pas fait confiance à ce certificat : la connexion est coupée.</translation>
    </message>
    <message>
        <source>TLS is on: from here an eavesdropper sees only encrypted records.</source>
        <translation>TLS est actif : à partir d&apos;ici, une oreille indiscrète ne voit que des enregistrements chiffrés.</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certificat : %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Empreinte SHA-256 : %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Valide du %1 au %2</translation>
    </message>
    <message>
        <source>Protocol: %1, cipher: %2</source>
        <translation>Protocole : %1, chiffrement : %2</translation>
    </message>
    <message>
        <source>Trusted automatically: this is the built-in server&apos;s own certificate, which the window knows (its fingerprint is the one above).</source>
        <translation>Approuvé automatiquement : c&apos;est le certificat du serveur intégré, que la fenêtre connaît (son empreinte est celle ci-dessus).</translation>
    </message>
    <message>
        <source>The server now waits for a TLS handshake, but this tab is %1: it cannot start TLS. Open a new session with &quot;Raw + STLS&quot; to go on.</source>
        <translation>Le serveur attend maintenant une négociation TLS, mais cet onglet est en %1 : il ne peut pas démarrer TLS. Ouvrez une nouvelle session en « Raw + STLS » pour continuer.</translation>
    </message>
    <message>
        <source>the server was killed (Faults › Kill the Server), leaving its lock file</source>
        <translation>le serveur a été tué (Pannes › Tuer le serveur), en laissant son fichier de verrou</translation>
    </message>
    <message>
        <source>The server cut the connection without a QUIT (it crashed, was stopped or dropped the connection).</source>
        <translation>Le serveur a coupé la connexion sans QUIT (il a planté, a été arrêté ou a abandonné la connexion).</translation>
    </message>
    <message>
        <source>The server cut the connection without a QUIT (%1).</source>
        <translation>Le serveur a coupé la connexion sans QUIT (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The %n message(s) marked with DELE were not deleted.</source>
        <translation>
            <numerusform>Le message marqué avec DELE n&apos;a pas été supprimé.</numerusform>
            <numerusform>Les %n messages marqués avec DELE n&apos;ont pas été supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT, but the commit failed (see the -ERR above): it stopped half-way, so some marked messages are already gone. The server&apos;s journal lists them all: the next login finishes the commit.</source>
        <translation>Connexion fermée par le serveur après QUIT, mais la validation a échoué (voir le -ERR ci-dessus) : elle s&apos;est arrêtée à mi-chemin, certains messages marqués sont donc déjà supprimés. Le journal du serveur les liste tous : la prochaine connexion termine la validation.</translation>
    </message>
    <message>
        <source>Connection closed by the server after QUIT, but the commit failed (see the -ERR above): some messages marked with DELE may not have been removed.</source>
        <translation>Connexion fermée par le serveur après QUIT, mais la validation a échoué (voir le -ERR ci-dessus) : des messages marqués par DELE n&apos;ont peut-être pas été supprimés.</translation>
    </message>
    <message>
        <source>the teacher dropped this connection (Faults › Drop This Connection Now): the server closed it on purpose, as a network fault would; its lock is released</source>
        <translation>l&apos;enseignant a coupé cette connexion (Pannes › Couper cette connexion maintenant) : le serveur l&apos;a fermée exprès, comme le ferait une panne réseau ; son verrou est libéré</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Connection closed by the server after -ERR [IN-USE]: another session holds the mailbox&apos;s lock. Once it has quit, press Enter to log in again.</source>
        <translation>Connexion fermée par le serveur après -ERR [IN-USE] : une autre session détient le verrou de la boîte. Une fois qu&apos;elle a quitté, appuyez sur Entrée pour vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message numerus="yes">
        <source>... %n line(s) scrolled past faster than anyone can read (Save transcript keeps them) ...</source>
        <translation>
            <numerusform>... %n ligne a défilé trop vite pour être lue (Enregistrer la transcription la conserve) ...</numerusform>
            <numerusform>... %n lignes ont défilé trop vite pour être lues (Enregistrer la transcription les conserve) ...</numerusform>
        </translation>
    </message>
    <message>
        <source>end of the multi-line reply</source>
        <translation>fin de la réponse multiligne</translation>
    </message>
    <message>
        <source>&amp;Restart session</source>
        <translation>&amp;Redémarrer la session</translation>
    </message>
    <message>
        <source>Open the same connection again in this tab (Enter)</source>
        <translation>Rouvrir la même connexion dans cet onglet (Entrée)</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>Fermer l&apos;ongle&amp;t</translation>
    </message>
    <message>
        <source>Terminal to %1, closed</source>
        <translation>Terminal vers %1, fermé</translation>
    </message>
    <message>
        <source>Terminal to %1</source>
        <translation>Terminal vers %1</translation>
    </message>
    <message>
        <source>The connection is closed. Press Enter to restart the session.</source>
        <translation>La connexion est fermée. Appuyez sur Entrée pour redémarrer la session.</translation>
    </message>
    <message>
        <source>Type a POP3 command and press Enter to send it. The server&apos;s replies are shown below what you typed; +OK in green, -ERR in red.</source>
        <translation>Tapez une commande POP3 et appuyez sur Entrée pour l&apos;envoyer. Les réponses du serveur s&apos;affichent sous ce que vous avez tapé ; +OK en vert, -ERR en rouge.</translation>
    </message>
    <message>
        <source>Session restarted: a new connection below.</source>
        <translation>Session redémarrée : une nouvelle connexion ci-dessous.</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>RFC 1939 examples</source>
        <translation>exemples de la RFC 1939</translation>
    </message>
    <message>
        <source>pop3lab (plain wording)</source>
        <translation>pop3lab (formulation simple)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>pop3lab</source>
        <translation>pop3lab</translation>
    </message>
    <message>
        <source>The built-in server could not start: %1</source>
        <translation>Le serveur intégré n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>The personality saved in the preferences could not be loaded: %1. The server uses %2.</source>
        <translation>La personnalité enregistrée dans les préférences n&apos;a pas pu être chargée : %1. Le serveur utilise %2.</translation>
    </message>
</context>
<context>
    <name>pop3::ObserverClient</name>
    <message numerus="yes">
        <source>no observer stream answered within %n second(s)</source>
        <translation>
            <numerusform>aucun flux d&apos;observation n&apos;a répondu en %n seconde</numerusform>
            <numerusform>aucun flux d&apos;observation n&apos;a répondu en %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>the server closed the stream</source>
        <translation>le serveur a fermé le flux</translation>
    </message>
    <message>
        <source>%1; the observer port is the one pop3lab-server printed after &quot;observer stream on&quot;, with its token</source>
        <translation>%1 ; le port d&apos;observation est celui que pop3lab-server a affiché après « observer stream on », avec son jeton</translation>
    </message>
    <message>
        <source>that port said &quot;%1&quot;, which is not the observer stream</source>
        <translation>ce port a dit « %1 », ce qui n&apos;est pas le flux d&apos;observation</translation>
    </message>
    <message>
        <source>connection refused: nothing listens on that port</source>
        <translation>connexion refusée : rien n&apos;écoute sur ce port</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>hôte introuvable</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>la connexion a expiré</translation>
    </message>
    <message>
        <source>a line of the stream is too long</source>
        <translation>une ligne du flux est trop longue</translation>
    </message>
</context>
</TS>
