<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>LoginSlips</name>
    <message>
        <source>POP3 lab: your account</source>
        <translation>TP POP3 : votre compte</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Your answers:</source>
        <translation>Vos réponses :</translation>
    </message>
    <message>
        <source>First commands:</source>
        <translation>Premières commandes :</translation>
    </message>
</context>
</TS>
