<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>RateLimitNotice</name>
    <message>
        <source>%1, %2 and %3</source>
        <translation>%1, %2 en %3</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n uur</numerusform>
            <numerusform>%n uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuut</numerusform>
            <numerusform>%n minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n seconden</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate limit exceeded</source>
        <translation>Aanroeplimiet overschreden</translation>
    </message>
    <message>
        <source>Call quota used up</source>
        <translation>Aanroepquotum opgebruikt</translation>
    </message>
    <message>
        <source>No subscription key</source>
        <translation>Geen abonnementssleutel</translation>
    </message>
    <message>
        <source>Subscription key refused</source>
        <translation>Abonnementssleutel geweigerd</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Toegang geweigerd</translation>
    </message>
    <message>
        <source>The gateway refused this call because your subscription sent more calls in the current time window than its product allows. Wait %1 before sending again.</source>
        <translation>De gateway heeft deze aanroep geweigerd omdat uw abonnement in het huidige tijdvenster meer aanroepen heeft gedaan dan het product toestaat. Wacht %1 voordat u opnieuw verstuurt.</translation>
    </message>
    <message>
        <source>The gateway refused this call because your subscription sent more calls in the current time window than its product allows. You can send again now.</source>
        <translation>De gateway heeft deze aanroep geweigerd omdat uw abonnement in het huidige tijdvenster meer aanroepen heeft gedaan dan het product toestaat. U kunt nu opnieuw versturen.</translation>
    </message>
    <message>
        <source>The gateway refused this call because your subscription sent more calls in the current time window than its product allows. Wait a moment before sending again.</source>
        <translation>De gateway heeft deze aanroep geweigerd omdat uw abonnement in het huidige tijdvenster meer aanroepen heeft gedaan dan het product toestaat. Wacht even voordat u opnieuw verstuurt.</translation>
    </message>
    <message>
        <source>Your subscription has used every call its product allows in the current quota period. The quota is replenished in %1.</source>
        <translation>Uw abonnement heeft alle aanroepen gebruikt die het product in de huidige quotumperiode toestaat. Het quotum wordt aangevuld over %1.</translation>
    </message>
    <message>
        <source>Your subscription has used every call its product allows in the current quota period.</source>
        <translation>Uw abonnement heeft alle aanroepen gebruikt die het product in de huidige quotumperiode toestaat.</translation>
    </message>
    <message>
        <source>The gateway needs a subscription key for this API. Choose a subscription in the composer&apos;s key selector and send again.</source>
        <translation>De gateway vereist een abonnementssleutel voor deze API. Kies een abonnement in de sleutelkeuze van de opsteller en verstuur opnieuw.</translation>
    </message>
    <message>
        <source>The gateway did not accept the subscription key: it is wrong, was regenerated, or the subscription is not active.</source>
        <translation>De gateway heeft de abonnementssleutel niet geaccepteerd: hij is onjuist, is opnieuw gegenereerd, of het abonnement is niet actief.</translation>
    </message>
    <message>
        <source>The gateway or the service refused this call.</source>
        <translation>De gateway of de service heeft deze aanroep geweigerd.</translation>
    </message>
    <message>
        <source>%1 The gateway said: &quot;%2&quot;</source>
        <translation>%1 De gateway meldde: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 of %2 calls left</source>
        <translation>nog %1 van %2 aanroepen over</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) left</source>
        <translation>
            <numerusform>nog %n aanroep over</numerusform>
            <numerusform>nog %n aanroepen over</numerusform>
        </translation>
    </message>
</context>
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
    <name>portico::ui::ApiCatalogModel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
</context>
<context>
    <name>portico::ui::ApiCatalogPanel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Search APIs and operations</source>
        <translation>API&apos;s en bewerkingen zoeken</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alle methoden</translation>
    </message>
    <message>
        <source>Try It</source>
        <translation>Uitproberen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an operation to see its documentation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Selecteer een bewerking om de documentatie te zien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>template</source>
        <translation>sjabloon</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>header</source>
        <translation>header</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Waarden</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Aanvraagbody</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antwoorden</translation>
    </message>
</context>
<context>
    <name>portico::ui::JsonBodyEditor</name>
    <message>
        <source>Request body</source>
        <translation>Aanvraagbody</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Opmaken</translation>
    </message>
    <message>
        <source>Re-indent the JSON body</source>
        <translation>De JSON-body opnieuw inspringen</translation>
    </message>
    <message>
        <source>No body</source>
        <translation>Geen body</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Geldige JSON</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>Ongeldige JSON op regel %1, kolom %2: %3</translation>
    </message>
</context>
<context>
    <name>portico::ui::JsonTreeModel</name>
    <message>
        <source>[%1 … %2]</source>
        <translation>[%1 … %2]</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elementen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{…} %n key(s)</source>
        <translation>
            <numerusform>{…} %n sleutel</numerusform>
            <numerusform>{…} %n sleutels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[…] %n item(s)</source>
        <translation>
            <numerusform>[…] %n element</numerusform>
            <numerusform>[…] %n elementen</numerusform>
        </translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>tekenreeks</translation>
    </message>
    <message>
        <source>number</source>
        <translation>getal</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booleaanse waarde</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>portico::ui::JsonTreePanel</name>
    <message>
        <source>Copy JSON Path</source>
        <translation>JSON-pad kopiëren</translation>
    </message>
    <message>
        <source>Copy Value as JSON</source>
        <translation>Waarde als JSON kopiëren</translation>
    </message>
    <message>
        <source>Search keys and values</source>
        <translation>Sleutels en waarden zoeken</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pad kopiëren</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Geen overeenkomsten</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>%1 van meer dan %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
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
        <translation>Uitgever: beheer service-instanties, API&apos;s, producten, abonnementen en beleid.</translation>
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
        <translation>API&apos;s beheren als uitgever</translation>
    </message>
    <message>
        <source>&amp;Developer</source>
        <translation>&amp;Ontwikkelaar</translation>
    </message>
    <message>
        <source>Browse and try APIs as a developer</source>
        <translation>API&apos;s bekijken en uitproberen als ontwikkelaar</translation>
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
<context>
    <name>portico::ui::ResponseDiffView</name>
    <message>
        <source>%1 %2 · %3 ms · %4 · %5</source>
        <translation>%1 %2 · %3 ms · %4 · %5</translation>
    </message>
    <message>
        <source>Before (−):</source>
        <translation>Voor (−):</translation>
    </message>
    <message>
        <source>After (+):</source>
        <translation>Na (+):</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergelijken…</translation>
    </message>
    <message>
        <source>A body is larger than %1; only the headers are compared.</source>
        <translation>Een body is groter dan %1; alleen de headers worden vergeleken.</translation>
    </message>
    <message>
        <source>The headers and bodies are identical.</source>
        <translation>De headers en bodies zijn identiek.</translation>
    </message>
    <message>
        <source>%1 lines removed, %2 lines added.</source>
        <translation>%1 regels verwijderd, %2 regels toegevoegd.</translation>
    </message>
</context>
<context>
    <name>portico::ui::ResponseViewer</name>
    <message>
        <source>Open anyway</source>
        <translation>Toch openen</translation>
    </message>
    <message>
        <source>Pretty</source>
        <translation>Opgemaakt</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Onbewerkt</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Boom</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Save Body…</source>
        <translation>Body opslaan…</translation>
    </message>
    <message>
        <source>No response yet</source>
        <translation>Nog geen antwoord</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Versturen…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>Geen antwoord</translation>
    </message>
    <message>
        <source>Time: %1 ms</source>
        <translation>Tijd: %1 ms</translation>
    </message>
    <message>
        <source>First byte: %1 ms</source>
        <translation>Eerste byte: %1 ms</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Grootte: %1</translation>
    </message>
    <message>
        <source>Headers (%1)</source>
        <translation>Headers (%1)</translation>
    </message>
    <message>
        <source>This image could not be decoded.</source>
        <translation>Deze afbeelding kon niet worden gedecodeerd.</translation>
    </message>
    <message>
        <source>No preview for this content type.</source>
        <translation>Geen voorbeeld voor dit inhoudstype.</translation>
    </message>
    <message>
        <source>This body is %1. It is shown in Raw, streamed. Formatting or parsing it runs in the background but takes memory and time.</source>
        <translation>Deze body is %1. Hij wordt gestreamd getoond in Onbewerkt. Opmaken of ontleden gebeurt op de achtergrond, maar kost geheugen en tijd.</translation>
    </message>
    <message>
        <source>The body is not JSON.</source>
        <translation>De body is geen JSON.</translation>
    </message>
    <message>
        <source>Parsing…</source>
        <translation>Ontleden…</translation>
    </message>
    <message>
        <source>Could not read the body: %1</source>
        <translation>Kon de body niet lezen: %1</translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at line %2, column %3.</source>
        <translation>De body is geen geldige JSON: %1 op regel %2, kolom %3.</translation>
    </message>
    <message>
        <source>The body could not be read as CSV: unterminated quoted field starting on line %1.</source>
        <translation>De body kon niet als CSV worden gelezen: niet-afgesloten veld tussen aanhalingstekens vanaf regel %1.</translation>
    </message>
    <message>
        <source>%1 — Retry-After: %2 s</source>
        <translation>%1 — Retry-After: %2 s</translation>
    </message>
    <message>
        <source>Save Response Body</source>
        <translation>Antwoordbody opslaan</translation>
    </message>
    <message>
        <source>Could not save the body to %1: %2</source>
        <translation>Kon de body niet opslaan in %1: %2</translation>
    </message>
</context>
<context>
    <name>portico::ui::ResultsTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>portico::ui::ResultsTablePanel</name>
    <message>
        <source>Output</source>
        <translation>Uitvoer</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>No table in this response</source>
        <translation>Geen tabel in dit antwoord</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n rij</numerusform>
            <numerusform>%n rijen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Table as CSV</source>
        <translation>Tabel als CSV exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Kon niet exporteren naar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n rij geëxporteerd naar %1</numerusform>
            <numerusform>%n rijen geëxporteerd naar %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portico::ui::TryItComposer</name>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>Header toevoegen</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header verwijderen</translation>
    </message>
    <message>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Authorization</translation>
    </message>
    <message>
        <source>Bearer token (AzureML API key)</source>
        <translation>Bearer-token (AzureML-API-sleutel)</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>The key of this subscription is sent; it is never shown.</source>
        <translation>De sleutel van dit abonnement wordt verstuurd; hij wordt nooit getoond.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>De aanvraag versturen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Subscription key:</source>
        <translation>Abonnementssleutel:</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>Voorbeeld van de aanvraag</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>template</source>
        <translation>sjabloon</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>No subscription key</source>
        <translation>Geen abonnementssleutel</translation>
    </message>
    <message>
        <source>Fix the body before sending: invalid JSON at line %1, column %2.</source>
        <translation>Herstel de body voordat u verstuurt: ongeldige JSON op regel %1, kolom %2.</translation>
    </message>
    <message>
        <source>Enter a value for the parameter %1.</source>
        <translation>Vul een waarde in voor de parameter %1.</translation>
    </message>
</context>
</TS>
