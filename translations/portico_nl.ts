<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>portico::ui::AboutDialog</name>
    <message>
        <source>About Portico</source>
        <translation>Over Portico</translation>
    </message>
    <message>
        <source>Portico %1</source>
        <translation>Portico %1</translation>
    </message>
    <message>
        <source>A desktop console for publishing machine-learning web services through Azure API Management and trying them out. Works offline with portico-local, and with Azure when you sign in.</source>
        <translation>Een desktopconsole om machine-learning-webservices via Azure API Management te publiceren en uit te proberen. Werkt offline met portico-local, en met Azure zodra u zich aanmeldt.</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, version 2.0. Built with Qt %1.</source>
        <translation>Uitgegeven onder de Apache-licentie, versie 2.0. Gebouwd met Qt %1.</translation>
    </message>
</context>
<context>
    <name>portico::ui::MainWindow</name>
    <message>
        <source>Portico</source>
        <translation>Portico</translation>
    </message>
    <message>
        <source>Publisher: manage service instances, APIs, products, subscriptions and policies.</source>
        <translation>Uitgever: beheer service-instanties, API's, producten, abonnementen en beleid.</translation>
    </message>
    <message>
        <source>Developer: browse the API catalog, try operations and run batch jobs.</source>
        <translation>Ontwikkelaar: blader door de API-catalogus, probeer bewerkingen uit en voer batchtaken uit.</translation>
    </message>
    <message>
        <source>No environment connected</source>
        <translation>Geen omgeving verbonden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Uitgever</translation>
    </message>
    <message>
        <source>Manage APIs as their publisher</source>
        <translation>API's beheren als uitgever</translation>
    </message>
    <message>
        <source>&amp;Developer</source>
        <translation>&amp;Ontwikkelaar</translation>
    </message>
    <message>
        <source>Browse and try APIs as a developer</source>
        <translation>API's bekijken en uitproberen als ontwikkelaar</translation>
    </message>
    <message>
        <source>&amp;About Portico</source>
        <translation>&amp;Over Portico</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Over &amp;Qt</translation>
    </message>
</context>
</TS>
