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
    <name>main</name>
    <message>
        <source>The portico-local ready line in %1 is not valid: %2</source>
        <translation>De gereedregel van portico-local in %1 is ongeldig: %2</translation>
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
    <name>portico::ui::AddAzureMlDialog</name>
    <message>
        <source>Add AzureML web service</source>
        <translation>AzureML-webservice toevoegen</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>Geen product</translation>
    </message>
    <message>
        <source>ML service &amp;base URL:</source>
        <translation>&amp;Basis-URL van ML-service:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Werkruimte:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-s&amp;leutel:</translation>
    </message>
    <message>
        <source>API &amp;name:</source>
        <translation>API-&amp;naam:</translation>
    </message>
    <message>
        <source>URL s&amp;uffix:</source>
        <translation>URL-&amp;achtervoegsel:</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>Creates the API with RRS Execute and BES Submit, Start, Status and Delete. The key is kept in the keychain and in a secret named value that a policy sends as &quot;Authorization: Bearer&quot;, so callers need only a subscription key.</source>
        <translation>Maakt de API aan met RRS Execute en BES Submit, Start, Status en Delete. De sleutel wordt bewaard in de sleutelbos en in een geheime benoemde waarde die een beleid meestuurt als &quot;Authorization: Bearer&quot;, zodat aanroepers alleen een abonnementssleutel nodig hebben.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>Enter the service&apos;s http or https address, e.g. https://ussouthcentral.services.azureml.net.</source>
        <translation>Vul het http- of https-adres van de service in, bijvoorbeeld https://ussouthcentral.services.azureml.net.</translation>
    </message>
    <message>
        <source>Enter the workspace id (no slashes).</source>
        <translation>Vul de id van de werkruimte in (zonder schuine strepen).</translation>
    </message>
    <message>
        <source>Enter the web service id (no slashes).</source>
        <translation>Vul de id van de webservice in (zonder schuine strepen).</translation>
    </message>
    <message>
        <source>Enter the web service&apos;s API key.</source>
        <translation>Vul de API-sleutel van de webservice in.</translation>
    </message>
    <message>
        <source>Enter a name for the API.</source>
        <translation>Vul een naam voor de API in.</translation>
    </message>
    <message>
        <source>The URL suffix cannot contain spaces, ? or #.</source>
        <translation>Het URL-achtervoegsel mag geen spaties, ? of # bevatten.</translation>
    </message>
    <message>
        <source>The web service was not added: %1</source>
        <translation>De webservice is niet toegevoegd: %1</translation>
    </message>
    <message>
        <source>An API with the id “%1” already exists.</source>
        <translation>Er bestaat al een API met de id “%1”.</translation>
    </message>
    <message>
        <source>The web service was not added; see the marked fields.</source>
        <translation>De webservice is niet toegevoegd; zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>The web service was not added: the signed-in account does not have permission to create the API “%1” or its operations, policy and named value in this service (%2).</source>
        <translation>De webservice is niet toegevoegd: het aangemelde account heeft geen toestemming om de API “%1” of de bijbehorende bewerkingen, beleid en benoemde waarde in deze service aan te maken (%2).</translation>
    </message>
</context>
<context>
    <name>portico::ui::AddEnvironmentDialog</name>
    <message>
        <source>Add Azure environment</source>
        <translation>Azure-omgeving toevoegen</translation>
    </message>
    <message>
        <source>e.g. Contoso production</source>
        <translation>bijv. Contoso productie</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>Tenant ID or domain, e.g. contoso.onmicrosoft.com</source>
        <translation>Tenant-id of domein, bijv. contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>Device code (sign in with a browser)</source>
        <translation>Apparaatcode (aanmelden met een browser)</translation>
    </message>
    <message>
        <source>Azure CLI login (az login)</source>
        <translation>Aanmelding van de Azure CLI (az login)</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>Aanmeld&amp;methode:</translation>
    </message>
    <message>
        <source>Optional; default: the Azure CLI&apos;s public client</source>
        <translation>Optioneel; standaard: de openbare client van de Azure CLI</translation>
    </message>
    <message>
        <source>Public &amp;client ID:</source>
        <translation>Openbare &amp;client-id:</translation>
    </message>
    <message>
        <source>Sign-in &amp;authority:</source>
        <translation>Aanmeld&amp;autoriteit:</translation>
    </message>
    <message>
        <source>&amp;Management URL:</source>
        <translation>&amp;Beheer-URL:</translation>
    </message>
    <message>
        <source>The authority and management URLs are those of the Azure public cloud; change them for a sovereign cloud.</source>
        <translation>De autoriteits- en beheer-URL zijn die van de openbare Azure-cloud; wijzig ze voor een soevereine cloud.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Aanmelden</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;Open browser</source>
        <translation>Browser &amp;openen</translation>
    </message>
    <message>
        <source>Cancel &amp;sign-in</source>
        <translation>Aanmelden a&amp;nnuleren</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Het aanmelden is geannuleerd.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Web page:</source>
        <translation>&amp;Webpagina:</translation>
    </message>
    <message>
        <source>Choose the &amp;subscription whose API Management services this environment shows:</source>
        <translation>Kies het &amp;abonnement waarvan deze omgeving de API Management-services toont:</translation>
    </message>
    <message>
        <source>&amp;Add environment</source>
        <translation>Omgeving &amp;toevoegen</translation>
    </message>
    <message>
        <source>Sign in to %1 again</source>
        <translation>Opnieuw aanmelden bij %1</translation>
    </message>
    <message>
        <source>Enter a display name for the environment.</source>
        <translation>Vul een weergavenaam voor de omgeving in.</translation>
    </message>
    <message>
        <source>“%1” is not a tenant. Enter the tenant ID (a GUID) or one of its domains, such as contoso.onmicrosoft.com.</source>
        <translation>“%1” is geen tenant. Vul de tenant-id (een GUID) of een van zijn domeinen in, zoals contoso.onmicrosoft.com.</translation>
    </message>
    <message>
        <source>The network or the keychain is not available.</source>
        <translation>Het netwerk of de sleutelbos is niet beschikbaar.</translation>
    </message>
    <message>
        <source>Asking the Azure CLI for a token for tenant %1…</source>
        <translation>De Azure CLI wordt om een token voor tenant %1 gevraagd…</translation>
    </message>
    <message>
        <source>The Azure CLI gave no token: %1 Sign in with “az login” and try again.</source>
        <translation>De Azure CLI gaf geen token: %1 Meld u aan met “az login” en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Asking Entra ID for a sign-in code…</source>
        <translation>Entra ID wordt om een aanmeldcode gevraagd…</translation>
    </message>
    <message numerus="yes">
        <source>Open %1 in a browser, enter the code below and sign in. Waiting for the sign-in (the code is valid for %n minute(s))…</source>
        <translation>
            <numerusform>Open %1 in een browser, vul de code hieronder in en meld u aan. Wachten op de aanmelding (de code is %n minuut geldig)…</numerusform>
            <numerusform>Open %1 in een browser, vul de code hieronder in en meld u aan. Wachten op de aanmelding (de code is %n minuten geldig)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser. Sign in again to add the environment.</source>
        <translation>Het aanmelden is in de browser geweigerd. Meld u opnieuw aan om de omgeving toe te voegen.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was completed. Sign in again for a new code.</source>
        <translation>De code is verlopen voordat het aanmelden voltooid was. Meld u opnieuw aan voor een nieuwe code.</translation>
    </message>
    <message>
        <source>Entra ID could not be reached at %1: %2</source>
        <translation>Entra ID is niet bereikbaar op %1: %2</translation>
    </message>
    <message>
        <source>Entra ID refused the sign-in for tenant “%1”: %2 Check the tenant and the client ID.</source>
        <translation>Entra ID heeft het aanmelden voor tenant “%1” geweigerd: %2 Controleer de tenant en de client-id.</translation>
    </message>
    <message>
        <source>Signed in. Keeping the sign-in in the keychain…</source>
        <translation>Aangemeld. De aanmelding wordt in de sleutelbos bewaard…</translation>
    </message>
    <message>
        <source>The sign-in could not be kept in the keychain: %1</source>
        <translation>De aanmelding kon niet in de sleutelbos worden bewaard: %1</translation>
    </message>
    <message>
        <source>Entra ID gave no refresh token, so Portico could not stay signed in. Check that the client ID allows offline access.</source>
        <translation>Entra ID gaf geen vernieuwingstoken, dus Portico kon niet aangemeld blijven. Controleer of de client-id offline toegang toestaat.</translation>
    </message>
    <message>
        <source>Signed in. Listing the subscriptions of this account…</source>
        <translation>Aangemeld. De abonnementen van dit account worden opgehaald…</translation>
    </message>
    <message>
        <source>The subscriptions of this account could not be listed: %1</source>
        <translation>De abonnementen van dit account konden niet worden opgehaald: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2), %3: not usable</source>
        <translation>%1 (%2), %3: niet bruikbaar</translation>
    </message>
    <message>
        <source>This account has no enabled Azure subscription in tenant “%1”. Ask for access to a subscription, or sign in with another account.</source>
        <translation>Dit account heeft geen ingeschakeld Azure-abonnement in tenant “%1”. Vraag toegang tot een abonnement aan, of meld u aan met een ander account.</translation>
    </message>
    <message>
        <source>The sign-in authority must be an https URL, such as %1: tokens are never sent unencrypted. Plain http is allowed only for this computer (localhost, 127.0.0.1, ::1).</source>
        <translation>De aanmeldautoriteit moet een https-URL zijn, zoals %1: tokens worden nooit onversleuteld verzonden. Gewoon http is alleen toegestaan voor deze computer (localhost, 127.0.0.1, ::1).</translation>
    </message>
    <message>
        <source>The management URL must be an https URL, such as %1: tokens are never sent unencrypted. Plain http is allowed only for this computer (localhost, 127.0.0.1, ::1).</source>
        <translation>De beheer-URL moet een https-URL zijn, zoals %1: tokens worden nooit onversleuteld verzonden. Gewoon http is alleen toegestaan voor deze computer (localhost, 127.0.0.1, ::1).</translation>
    </message>
    <message>
        <source>%1 (%2), already added as “%3”</source>
        <translation>%1 (%2), al toegevoegd als “%3”</translation>
    </message>
    <message>
        <source>The subscription “%1” is already in Portico as the environment “%2”. Choose another subscription, or cancel and use the existing environment.</source>
        <translation>Het abonnement “%1” staat al in Portico als de omgeving “%2”. Kies een ander abonnement, of annuleer en gebruik de bestaande omgeving.</translation>
    </message>
    <message>
        <source>Signed in. No keychain is available: the sign-in is kept only until Portico quits…</source>
        <translation>Aangemeld. Er is geen sleutelbos beschikbaar: de aanmelding wordt alleen bewaard tot Portico wordt afgesloten…</translation>
    </message>
    <message>
        <source>No keychain is available: this sign-in is kept only until Portico quits, and you will have to sign in again after a restart.</source>
        <translation>Er is geen sleutelbos beschikbaar: deze aanmelding wordt alleen bewaard tot Portico wordt afgesloten, en na een herstart moet u zich opnieuw aanmelden.</translation>
    </message>
    <message numerus="yes">
        <source>Entra ID at %1 did not answer within %n second(s). Check the network connection (and proxy), then sign in again.</source>
        <translation>
            <numerusform>Entra ID op %1 heeft niet binnen %n seconde geantwoord. Controleer de netwerkverbinding (en de proxy) en meld u daarna opnieuw aan.</numerusform>
            <numerusform>Entra ID op %1 heeft niet binnen %n seconden geantwoord. Controleer de netwerkverbinding (en de proxy) en meld u daarna opnieuw aan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secure connection to Entra ID at %1 failed: %2</source>
        <translation>De beveiligde verbinding met Entra ID op %1 is mislukt: %2</translation>
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
    <name>portico::ui::ApiEditor</name>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>API &amp;id:</source>
        <translation>API-&amp;id:</translation>
    </message>
    <message>
        <source>&amp;Web service URL:</source>
        <translation>&amp;URL van webservice:</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Key &amp;query parameter name:</source>
        <translation>Naam van sleutel&amp;queryparameter:</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Nieuwe API</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>Enter an absolute http or https URL, e.g. https://example.com/api.</source>
        <translation>Vul een absolute http- of https-URL in, bijvoorbeeld https://example.com/api.</translation>
    </message>
    <message>
        <source>The URL suffix cannot contain spaces, ? or #.</source>
        <translation>Het URL-achtervoegsel mag geen spaties, ? of # bevatten.</translation>
    </message>
    <message>
        <source>Choose at least one scheme.</source>
        <translation>Kies minstens één schema.</translation>
    </message>
    <message>
        <source>Enter the header that carries the subscription key.</source>
        <translation>Vul de header in die de abonnementssleutel bevat.</translation>
    </message>
    <message>
        <source>Enter the query parameter that carries the subscription key.</source>
        <translation>Vul de queryparameter in die de abonnementssleutel bevat.</translation>
    </message>
    <message>
        <source>The description can be at most 1000 characters long.</source>
        <translation>De beschrijving mag hoogstens 1000 tekens lang zijn.</translation>
    </message>
    <message>
        <source>The API was not saved because the server could not be reached (%1). Your changes are kept; try again.</source>
        <translation>De API is niet opgeslagen omdat de server onbereikbaar was (%1). Uw wijzigingen blijven bewaard; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The API was not saved: the sign-in was refused or has expired (%1).</source>
        <translation>De API is niet opgeslagen: de aanmelding is geweigerd of verlopen (%1).</translation>
    </message>
    <message>
        <source>The API was not saved; see the marked fields.</source>
        <translation>De API is niet opgeslagen; zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>The API was not saved: %1</source>
        <translation>De API is niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>An API with the id “%1” already exists.</source>
        <translation>Er bestaat al een API met de id “%1”.</translation>
    </message>
    <message>
        <source>API (not loaded)</source>
        <translation>API (niet geladen)</translation>
    </message>
    <message>
        <source>The API could not be loaded: %1</source>
        <translation>De API kon niet worden geladen: %1</translation>
    </message>
    <message>
        <source>The API was saved, but its products could not be updated (%1). Your choice of products is kept; save again to retry.</source>
        <translation>De API is opgeslagen, maar de producten konden niet worden bijgewerkt (%1). Uw keuze van producten blijft staan; sla opnieuw op om het nog eens te proberen.</translation>
    </message>
    <message>
        <source>Not saved yet: %1</source>
        <translation>Nog niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>The API “%1” could not be loaded: the signed-in account does not have permission to read it (%2).</source>
        <translation>De API “%1” kon niet worden geladen: het aangemelde account heeft geen toestemming om deze te lezen (%2).</translation>
    </message>
    <message>
        <source>The API “%1” was not saved: the signed-in account does not have permission to change it (%2).</source>
        <translation>De API “%1” is niet opgeslagen: het aangemelde account heeft geen toestemming om deze te wijzigen (%2).</translation>
    </message>
    <message>
        <source>The API “%1” was not created: the signed-in account does not have permission to create APIs in this service (%2).</source>
        <translation>De API “%1” is niet aangemaakt: het aangemelde account heeft geen toestemming om API&apos;s in deze service aan te maken (%2).</translation>
    </message>
    <message>
        <source>URL suffi&amp;x:</source>
        <translation>URL-&amp;achtervoegsel:</translation>
    </message>
    <message>
        <source>Su&amp;bscription required</source>
        <translation>Abonnement &amp;vereist</translation>
    </message>
    <message>
        <source>This API was changed on the server since you opened it, so your changes were not saved; they are still here. Keep server version drops your changes and shows the server&apos;s version; Overwrite saves yours over it.</source>
        <translation>Deze API is op de server gewijzigd sinds u hem opende, dus uw wijzigingen zijn niet opgeslagen; ze staan hier nog. Serverversie laden laat uw wijzigingen vervallen en toont de versie van de server; Overschrijven slaat de uwe eroverheen op.</translation>
    </message>
    <message>
        <source>Sche&amp;mes:</source>
        <translation>S&amp;chema&apos;s:</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>&amp;Producten:</translation>
    </message>
    <message>
        <source>Key header &amp;name:</source>
        <translation>&amp;Naam van sleutelheader:</translation>
    </message>
    <message>
        <source>Descripti&amp;on:</source>
        <translation>Besch&amp;rijving:</translation>
    </message>
</context>
<context>
    <name>portico::ui::AzureEnvironments</name>
    <message>
        <source>The list of environments could not be saved: %1</source>
        <translation>De lijst met omgevingen kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Sign &amp;in again</source>
        <translation>Opnieuw &amp;aanmelden</translation>
    </message>
    <message>
        <source>Remove environment</source>
        <translation>Omgeving verwijderen</translation>
    </message>
    <message>
        <source>Remove the environment “%1” from Portico? Its services in Azure stay as they are; Portico forgets the environment and its sign-in.</source>
        <translation>De omgeving “%1” uit Portico verwijderen? De services in Azure blijven zoals ze zijn; Portico vergeet de omgeving en de aanmelding.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>%1 was not opened: its sign-in authority %2 is not an https URL, so its tokens would be sent unencrypted. Remove the environment and add it again with an https URL.</source>
        <translation>%1 is niet geopend: de aanmeldautoriteit %2 is geen https-URL, dus de tokens zouden onversleuteld worden verzonden. Verwijder de omgeving en voeg haar opnieuw toe met een https-URL.</translation>
    </message>
    <message>
        <source>%1 was not opened: its management URL %2 is not an https URL, so its tokens would be sent unencrypted. Remove the environment and add it again with an https URL.</source>
        <translation>%1 is niet geopend: de beheer-URL %2 is geen https-URL, dus de tokens zouden onversleuteld worden verzonden. Verwijder de omgeving en voeg haar opnieuw toe met een https-URL.</translation>
    </message>
    <message>
        <source>The list of environments in the settings could not be read, so no Azure environment was opened. Portico leaves the list as it is and does not save environments until it is repaired. Details: %1</source>
        <translation>De lijst met omgevingen in de instellingen kon niet worden gelezen, dus er is geen Azure-omgeving geopend. Portico laat de lijst zoals ze is en slaat geen omgevingen op tot ze hersteld is. Details: %1</translation>
    </message>
    <message>
        <source>(an entry without a name)</source>
        <translation>(een item zonder naam)</translation>
    </message>
    <message numerus="yes">
        <source>%n Azure environment(s) in the settings could not be read and were not opened: %1. Portico keeps them in the settings as they are.</source>
        <translation>
            <numerusform>%n Azure-omgeving in de instellingen kon niet worden gelezen en is niet geopend: %1. Portico bewaart haar ongewijzigd in de instellingen.</numerusform>
            <numerusform>%n Azure-omgevingen in de instellingen konden niet worden gelezen en zijn niet geopend: %1. Portico bewaart ze ongewijzigd in de instellingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The list of environments could not be saved because the one in the settings could not be read; repair or remove it first.</source>
        <translation>De lijst met omgevingen kon niet worden opgeslagen omdat die in de instellingen niet kon worden gelezen; herstel of verwijder haar eerst.</translation>
    </message>
    <message>
        <source>%1 could not be opened: Entra ID or Azure could not be reached. Details: %2</source>
        <translation>%1 kon niet worden geopend: Entra ID of Azure was niet bereikbaar. Details: %2</translation>
    </message>
    <message>
        <source>%1 could not be opened: the network or the keychain is not available. Details: %2</source>
        <translation>%1 kon niet worden geopend: het netwerk of de sleutelbos is niet beschikbaar. Details: %2</translation>
    </message>
    <message>
        <source>%1 could not be opened. Details: %2</source>
        <translation>%1 kon niet worden geopend. Details: %2</translation>
    </message>
    <message>
        <source>Sign-in to %1 expired. The Azure CLI has no usable login: run “az login”, then sign in again.</source>
        <translation>Aanmelding bij %1 is verlopen. De Azure CLI heeft geen bruikbare aanmelding: voer “az login” uit en meld u daarna opnieuw aan.</translation>
    </message>
    <message>
        <source>Sign-in to %1 expired. Azure refused even a freshly obtained token; sign in again, with an account that has access to the subscription. Azure said: “%2”</source>
        <translation>Aanmelding bij %1 is verlopen. Azure weigerde zelfs een net verkregen token; meld u opnieuw aan, met een account dat toegang heeft tot het abonnement. Azure meldde: “%2”</translation>
    </message>
    <message>
        <source>Sign-in to %1 expired. Entra ID no longer accepts the kept sign-in (it expired or was revoked); sign in again. Entra ID said: “%2”</source>
        <translation>Aanmelding bij %1 is verlopen. Entra ID accepteert de bewaarde aanmelding niet meer (ze is verlopen of ingetrokken); meld u opnieuw aan. Entra ID meldde: “%2”</translation>
    </message>
    <message>
        <source>Sign-in to %1 expired. No sign-in is kept for it in the keychain; sign in again.</source>
        <translation>Aanmelding bij %1 is verlopen. Er is geen aanmelding voor bewaard in de sleutelbos; meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Sign-in to %1 expired. Sign in again to see its services.</source>
        <translation>Aanmelding bij %1 is verlopen. Meld u opnieuw aan om de services te zien.</translation>
    </message>
    <message>
        <source>%1 cannot be reached: Azure did not answer in time. Details: %2</source>
        <translation>%1 is niet bereikbaar: Azure antwoordde niet op tijd. Details: %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: the secure connection to Azure failed. Details: %2</source>
        <translation>%1 is niet bereikbaar: de beveiligde verbinding met Azure is mislukt. Details: %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: the network is not available. Details: %2</source>
        <translation>%1 is niet bereikbaar: het netwerk is niet beschikbaar. Details: %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: the connection to Azure failed. Details: %2</source>
        <translation>%1 is niet bereikbaar: de verbinding met Azure is mislukt. Details: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) kept for the removed environment %1 could not be deleted from the keychain: %2. Delete them with the keychain&apos;s own tool.</source>
        <translation>
            <numerusform>%n geheim dat voor de verwijderde omgeving %1 bewaard werd, kon niet uit de sleutelbos worden verwijderd: %2. Verwijder het met het eigen programma van de sleutelbos.</numerusform>
            <numerusform>%n geheimen die voor de verwijderde omgeving %1 bewaard werden, konden niet uit de sleutelbos worden verwijderd: %2. Verwijder ze met het eigen programma van de sleutelbos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) were listed more than once in the settings (left by an older version of Portico); Portico now keeps one environment for each: %1.</source>
        <translation>
            <numerusform>%n abonnement stond meer dan eens in de instellingen (achtergelaten door een oudere versie van Portico); Portico houdt nu één omgeving per abonnement: %1.</numerusform>
            <numerusform>%n abonnementen stonden meer dan eens in de instellingen (achtergelaten door een oudere versie van Portico); Portico houdt nu één omgeving per abonnement: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) were listed more than once in the settings (left by an older version of Portico); Portico now keeps one environment for each: %1. These secrets of the duplicates could not be moved or deleted from the keychain: %2. Delete them with the keychain&apos;s own tool.</source>
        <translation>
            <numerusform>%n abonnement stond meer dan eens in de instellingen (achtergelaten door een oudere versie van Portico); Portico houdt nu één omgeving per abonnement: %1. Deze geheimen van de dubbele omgevingen konden niet worden verplaatst of uit de sleutelbos worden verwijderd: %2. Verwijder ze met het eigen programma van de sleutelbos.</numerusform>
            <numerusform>%n abonnementen stonden meer dan eens in de instellingen (achtergelaten door een oudere versie van Portico); Portico houdt nu één omgeving per abonnement: %1. Deze geheimen van de dubbele omgevingen konden niet worden verplaatst of uit de sleutelbos worden verwijderd: %2. Verwijder ze met het eigen programma van de sleutelbos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The subscription “%1” is already in Portico as the environment “%2”, so it was not added a second time; “%2” now uses the new sign-in.</source>
        <translation>Het abonnement “%1” staat al in Portico als de omgeving “%2” en is daarom niet nog eens toegevoegd; “%2” gebruikt nu de nieuwe aanmelding.</translation>
    </message>
    <message>
        <source>The subscription “%1” is already in Portico as the environment “%2”, so it was not added a second time. The new sign-in could not be kept in the keychain; “%2” keeps its earlier sign-in.</source>
        <translation>Het abonnement “%1” staat al in Portico als de omgeving “%2” en is daarom niet nog eens toegevoegd. De nieuwe aanmelding kon niet in de sleutelbos worden bewaard; “%2” houdt zijn eerdere aanmelding.</translation>
    </message>
    <message>
        <source>%1 could not be opened: the keychain is locked, so its kept sign-in or token cannot be read. Unlock the keychain (for example by logging in to your desktop session) and retry.</source>
        <translation>%1 kon niet worden geopend: de sleutelbos is vergrendeld, dus de bewaarde aanmelding of het token kan niet worden gelezen. Ontgrendel de sleutelbos (bijvoorbeeld door u aan te melden bij uw bureaubladsessie) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: the keychain is locked, so its kept sign-in cannot be read. Unlock the keychain (for example by logging in to your desktop session) and retry.</source>
        <translation>%1 kan niet worden geopend: de sleutelbos is vergrendeld, dus de bewaarde aanmelding kan niet worden gelezen. Ontgrendel de sleutelbos (bijvoorbeeld door u aan te melden bij uw bureaubladsessie) en probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>portico::ui::AzurePage</name>
    <message>
        <source>Subscription, resource group and region</source>
        <translation>Abonnement, resourcegroep en regio</translation>
    </message>
    <message>
        <source>Where in Azure the instance is created and billed.</source>
        <translation>Waar in Azure de instantie wordt aangemaakt en gefactureerd.</translation>
    </message>
    <message>
        <source>Create a &amp;new resource group</source>
        <translation>Een &amp;nieuwe resourcegroep aanmaken</translation>
    </message>
    <message>
        <source>&amp;Subscription:</source>
        <translation>&amp;Abonnement:</translation>
    </message>
    <message>
        <source>Resource &amp;group:</source>
        <translation>Resource&amp;groep:</translation>
    </message>
    <message>
        <source>New group na&amp;me:</source>
        <translation>Naa&amp;m nieuwe groep:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Regio:</translation>
    </message>
</context>
<context>
    <name>portico::ui::BannerWidget</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>portico::ui::BatchJobErrorText</name>
    <message>
        <source>The input could not be uploaded.</source>
        <translation>De invoer kon niet worden geüpload.</translation>
    </message>
    <message>
        <source>The batch service did not accept the job.</source>
        <translation>De batchservice heeft de taak niet aangenomen.</translation>
    </message>
    <message>
        <source>The batch service did not start the job.</source>
        <translation>De batchservice heeft de taak niet gestart.</translation>
    </message>
    <message>
        <source>The batch service reports that the job failed.</source>
        <translation>De batchservice meldt dat de taak is mislukt.</translation>
    </message>
    <message>
        <source>The job&apos;s status could not be read from the batch service.</source>
        <translation>De status van de taak kon niet bij de batchservice worden opgevraagd.</translation>
    </message>
    <message>
        <source>The results could not be downloaded.</source>
        <translation>De resultaten konden niet worden gedownload.</translation>
    </message>
    <message>
        <source>The downloaded results could not be read.</source>
        <translation>De gedownloade resultaten konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>The batch job failed.</source>
        <translation>De batchtaak is mislukt.</translation>
    </message>
    <message>
        <source>The service failed with an internal error (HTTP %1).</source>
        <translation>De service faalde met een interne fout (HTTP %1).</translation>
    </message>
    <message>
        <source>The service failed with an internal error (HTTP %1, %2).</source>
        <translation>De service faalde met een interne fout (HTTP %1, %2).</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1).</source>
        <translation>De service weigerde het verzoek (HTTP %1).</translation>
    </message>
    <message>
        <source>The service refused the request (HTTP %1, %2).</source>
        <translation>De service weigerde het verzoek (HTTP %1, %2).</translation>
    </message>
    <message>
        <source>The service refused the request.</source>
        <translation>De service weigerde het verzoek.</translation>
    </message>
    <message>
        <source>The keychain could not be read.</source>
        <translation>De sleutelbos kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>No storage connection string for this job is stored in the keychain.</source>
        <translation>Er staat geen opslagverbindingsreeks voor deze taak in de sleutelbos.</translation>
    </message>
    <message>
        <source>No subscription key for this job is stored in the keychain.</source>
        <translation>Er staat geen abonnementssleutel voor deze taak in de sleutelbos.</translation>
    </message>
    <message>
        <source>No ML API key for this job is stored in the keychain.</source>
        <translation>Er staat geen ML-API-sleutel voor deze taak in de sleutelbos.</translation>
    </message>
    <message>
        <source>The storage connection string in the keychain is not valid.</source>
        <translation>De opslagverbindingsreeks in de sleutelbos is ongeldig.</translation>
    </message>
    <message>
        <source>The input file %1 cannot be read.</source>
        <translation>Het invoerbestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The results file %1 cannot be written (is the disk full?).</source>
        <translation>Het resultatenbestand %1 kan niet worden geschreven (is de schijf vol?).</translation>
    </message>
    <message>
        <source>The results file %1 cannot be read.</source>
        <translation>Het resultatenbestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The storage service cannot be reached.</source>
        <translation>De opslagservice is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The batch service at %1 cannot be reached.</source>
        <translation>De batchservice op %1 is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The storage service did not answer in time.</source>
        <translation>De opslagservice antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The batch service at %1 did not answer in time.</source>
        <translation>De batchservice op %1 antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The secure connection to the storage service failed.</source>
        <translation>De beveiligde verbinding met de opslagservice is mislukt.</translation>
    </message>
    <message>
        <source>The secure connection to the batch service at %1 failed.</source>
        <translation>De beveiligde verbinding met de batchservice op %1 is mislukt.</translation>
    </message>
    <message>
        <source>The storage account refused the request (HTTP %1): check the account key in its connection string.</source>
        <translation>Het opslagaccount weigerde het verzoek (HTTP %1): controleer de accountsleutel in de verbindingsreeks.</translation>
    </message>
    <message>
        <source>The gateway refused the subscription key (HTTP %1).</source>
        <translation>De gateway weigerde de abonnementssleutel (HTTP %1).</translation>
    </message>
    <message>
        <source>The ML service refused the API key (HTTP %1).</source>
        <translation>De ML-service weigerde de API-sleutel (HTTP %1).</translation>
    </message>
    <message>
        <source>The storage service does not have the container or blob (HTTP 404).</source>
        <translation>De opslagservice heeft de container of blob niet (HTTP 404).</translation>
    </message>
    <message>
        <source>The batch service does not know this job or web service (HTTP 404).</source>
        <translation>De batchservice kent deze taak of webservice niet (HTTP 404).</translation>
    </message>
    <message>
        <source>The service is busy (HTTP %1); try again later.</source>
        <translation>De service is bezet (HTTP %1); probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The storage service&apos;s reply could not be read.</source>
        <translation>Het antwoord van de opslagservice kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>The batch service&apos;s reply could not be read.</source>
        <translation>Het antwoord van de batchservice kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>The service reports a conflict (HTTP %1).</source>
        <translation>De service meldt een conflict (HTTP %1).</translation>
    </message>
    <message>
        <source>It was cancelled.</source>
        <translation>Het werd geannuleerd.</translation>
    </message>
    <message>
        <source>Portico could not continue the job.</source>
        <translation>Portico kon de taak niet voortzetten.</translation>
    </message>
    <message>
        <source>Failed on the service</source>
        <translation>Mislukt op de service</translation>
    </message>
    <message>
        <source>Failed: key not in the keychain</source>
        <translation>Mislukt: sleutel niet in de sleutelbos</translation>
    </message>
    <message>
        <source>Failed: cannot reach the service</source>
        <translation>Mislukt: service niet bereikbaar</translation>
    </message>
    <message>
        <source>Failed: no answer in time</source>
        <translation>Mislukt: geen antwoord op tijd</translation>
    </message>
    <message>
        <source>Failed: access refused</source>
        <translation>Mislukt: toegang geweigerd</translation>
    </message>
    <message>
        <source>Failed: file problem</source>
        <translation>Mislukt: probleem met een bestand</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>The service says: “%1”</source>
        <translation>De service zegt: “%1”</translation>
    </message>
    <message>
        <source>The service cannot be reached.</source>
        <translation>De service is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>De service antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The secure connection failed.</source>
        <translation>De beveiligde verbinding is mislukt.</translation>
    </message>
    <message>
        <source>Access was refused (HTTP %1).</source>
        <translation>De toegang werd geweigerd (HTTP %1).</translation>
    </message>
    <message>
        <source>It was not found.</source>
        <translation>Het werd niet gevonden.</translation>
    </message>
    <message>
        <source>It was not found (HTTP %1).</source>
        <translation>Het werd niet gevonden (HTTP %1).</translation>
    </message>
    <message>
        <source>The keychain is not available.</source>
        <translation>De sleutelbos is niet beschikbaar.</translation>
    </message>
    <message>
        <source>The reply could not be read.</source>
        <translation>Het antwoord kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>Een bestand kon niet worden gelezen of geschreven.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>De invoer is ongeldig.</translation>
    </message>
    <message>
        <source>This is not allowed.</source>
        <translation>Dit is niet toegestaan.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Er ging iets mis.</translation>
    </message>
    <message>
        <source>Choose the input CSV file.</source>
        <translation>Kies het CSV-invoerbestand.</translation>
    </message>
    <message>
        <source>The input file %1 does not exist or cannot be read.</source>
        <translation>Het invoerbestand %1 bestaat niet of kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>“%1” is not a valid container name: use 3 to 63 lower-case letters, digits and single hyphens.</source>
        <translation>“%1” is geen geldige containernaam: gebruik 3 tot 63 kleine letters, cijfers en enkele koppeltekens.</translation>
    </message>
    <message>
        <source>Choose the storage account for the input and the results.</source>
        <translation>Kies het opslagaccount voor de invoer en de resultaten.</translation>
    </message>
    <message>
        <source>The batch service URL is not known or not valid: refresh the catalog, or check the ML service URL.</source>
        <translation>De URL van de batchservice is onbekend of ongeldig: vernieuw de catalogus, of controleer de URL van de ML-service.</translation>
    </message>
    <message>
        <source>Enter the workspace id.</source>
        <translation>Vul de werkruimte-id in.</translation>
    </message>
    <message>
        <source>Enter the web service id.</source>
        <translation>Vul de webservice-id in.</translation>
    </message>
    <message>
        <source>Choose the subscription, or set up the ML service&apos;s API key.</source>
        <translation>Kies het abonnement, of stel de API-sleutel van de ML-service in.</translation>
    </message>
    <message>
        <source>The job list could not be written.</source>
        <translation>De takenlijst kon niet worden geschreven.</translation>
    </message>
    <message>
        <source>Removed “%1” from the list, but its results file could not be deleted.</source>
        <translation>“%1” is uit de lijst verwijderd, maar het resultatenbestand kon niet worden gewist.</translation>
    </message>
    <message>
        <source>Removed “%1” from the list, but the job list could not be written: it may be back after a restart.</source>
        <translation>“%1” is uit de lijst verwijderd, maar de takenlijst kon niet worden geschreven: na een herstart kan de taak terug zijn.</translation>
    </message>
    <message>
        <source>Removed “%1” from the list, but the service did not cancel it. %2</source>
        <translation>“%1” is uit de lijst verwijderd, maar de service heeft de taak niet geannuleerd. %2</translation>
    </message>
    <message>
        <source>The job was interrupted before it reached the service.</source>
        <translation>De taak is onderbroken voordat hij de service bereikte.</translation>
    </message>
    <message>
        <source>Its input file %1 is no longer there. Put it back and Retry, or remove the job.</source>
        <translation>Het invoerbestand %1 is er niet meer. Zet het terug en kies Opnieuw proberen, of verwijder de taak.</translation>
    </message>
    <message>
        <source>Its input file %1 changed since the job was started, so it was not sent again. Retry sends the file as it is now.</source>
        <translation>Het invoerbestand %1 is gewijzigd sinds de taak werd gestart en is daarom niet opnieuw verzonden. Opnieuw proberen verzendt het bestand zoals het nu is.</translation>
    </message>
    <message>
        <source>Portico cannot tell whether its input file %1 changed since the job was started, so it was not sent again. Retry sends the file as it is now.</source>
        <translation>Portico kan niet nagaan of het invoerbestand %1 is gewijzigd sinds de taak werd gestart en heeft het daarom niet opnieuw verzonden. Opnieuw proberen verzendt het bestand zoals het nu is.</translation>
    </message>
    <message>
        <source>Interrupted: input file gone</source>
        <translation>Onderbroken: invoerbestand weg</translation>
    </message>
    <message>
        <source>Interrupted: input file changed</source>
        <translation>Onderbroken: invoerbestand gewijzigd</translation>
    </message>
    <message>
        <source>Interrupted: input file not checked</source>
        <translation>Onderbroken: invoerbestand niet te controleren</translation>
    </message>
    <message>
        <source>Portico closed while the job was being submitted.</source>
        <translation>Portico werd gesloten terwijl de taak werd ingediend.</translation>
    </message>
    <message>
        <source>The job was not submitted.</source>
        <translation>De taak is niet ingediend.</translation>
    </message>
    <message>
        <source>The service may hold a job that was never started and that cannot be listed, so Portico did not submit it again. Submit again sends it once more; Remove drops it from this list.</source>
        <translation>De service heeft mogelijk een taak die nooit is gestart en die niet kan worden opgevraagd, daarom heeft Portico de taak niet opnieuw ingediend. Opnieuw indienen verstuurt de taak nog een keer; Verwijderen haalt de taak uit deze lijst.</translation>
    </message>
    <message>
        <source>The job list could not be written (is the disk full?).</source>
        <translation>De takenlijst kon niet worden geschreven (is de schijf vol?).</translation>
    </message>
    <message>
        <source>Interrupted while submitting</source>
        <translation>Onderbroken tijdens het indienen</translation>
    </message>
    <message>
        <source>The batch service at %1 did not answer the submit in time.</source>
        <translation>De batchservice op %1 antwoordde niet op tijd op het indienen.</translation>
    </message>
    <message>
        <source>It may have received the job all the same and hold it without starting it; the service cannot list its jobs, so Portico cannot check. Submit again sends the job once more, which can leave a second job there; Remove drops it from this list.</source>
        <translation>Mogelijk heeft de service de taak toch ontvangen en houdt hij die vast zonder hem te starten; de service kan zijn taken niet opsommen, dus Portico kan dat niet nagaan. Opnieuw indienen verstuurt de taak nog een keer, waardoor daar een tweede taak kan komen te staan; Verwijderen haalt de taak uit deze lijst.</translation>
    </message>
    <message>
        <source>Failed: no answer to the submit</source>
        <translation>Mislukt: geen antwoord op het indienen</translation>
    </message>
    <message>
        <source>The connection to the batch service at %1 closed before the service answered the submit.</source>
        <translation>De verbinding met de batchservice op %1 werd verbroken voordat de service op het indienen antwoordde.</translation>
    </message>
    <message>
        <source>The batch service at %1 did not answer the submit.</source>
        <translation>De batchservice op %1 antwoordde niet op het indienen.</translation>
    </message>
    <message>
        <source>Failed: connection closed before the answer</source>
        <translation>Mislukt: verbinding verbroken vóór het antwoord</translation>
    </message>
</context>
<context>
    <name>portico::ui::BatchJobsPanel</name>
    <message>
        <source>Uploading the input</source>
        <translation>Invoer wordt geüpload</translation>
    </message>
    <message>
        <source>Submitting</source>
        <translation>Wordt ingediend</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wordt gestart</translation>
    </message>
    <message>
        <source>Running on the service</source>
        <translation>Loopt op de service</translation>
    </message>
    <message>
        <source>Downloading the results</source>
        <translation>Resultaten worden gedownload</translation>
    </message>
    <message>
        <source>Reading the results</source>
        <translation>Resultaten worden gelezen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>A CSV file with a header row</source>
        <translation>Een CSV-bestand met een kopregel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Choose the input CSV</source>
        <translation>Kies de invoer-CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Through the gateway (BES operations, subscription key)</source>
        <translation>Via de gateway (BES-bewerkingen, abonnementssleutel)</translation>
    </message>
    <message>
        <source>Directly to the ML service (its API key)</source>
        <translation>Rechtstreeks naar de ML-service (met haar API-sleutel)</translation>
    </message>
    <message>
        <source>Azurite on this machine (UseDevelopmentStorage=true)</source>
        <translation>Azurite op deze computer (UseDevelopmentStorage=true)</translation>
    </message>
    <message>
        <source>Storage account (connection string in the keychain)</source>
        <translation>Opslagaccount (verbindingsreeks in de sleutelbos)</translation>
    </message>
    <message>
        <source>Leave empty to use the one in the keychain</source>
        <translation>Leeg laten om die in de sleutelbos te gebruiken</translation>
    </message>
    <message>
        <source>&amp;Submit and start</source>
        <translation>&amp;Indienen en starten</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Taak</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>Server status</source>
        <translation>Status op de server</translation>
    </message>
    <message>
        <source>&amp;Input CSV:</source>
        <translation>Invoer-&amp;CSV:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Werkruimte:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Choose the subscription whose key the gateway should see.</source>
        <translation>Kies het abonnement waarvan de gateway de sleutel moet zien.</translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation>Geen taak geselecteerd.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (service: %1)</source>
        <translation> (service: %1)</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>De resultaten als CSV exporteren</translation>
    </message>
    <message>
        <source>Exporting the results to %1…</source>
        <translation>De resultaten worden geëxporteerd naar %1…</translation>
    </message>
    <message>
        <source>Exported the results to %1.</source>
        <translation>De resultaten zijn geëxporteerd naar %1.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wordt geannuleerd…</translation>
    </message>
    <message>
        <source>Could not export the results: the downloaded results %1 cannot be read: %2</source>
        <translation>Kon de resultaten niet exporteren: de gedownloade resultaten %1 zijn niet leesbaar: %2</translation>
    </message>
    <message>
        <source>Could not export the results to %1: %2</source>
        <translation>Kon de resultaten niet exporteren naar %1: %2</translation>
    </message>
    <message>
        <source>Waiting to check on the service</source>
        <translation>Wacht op controle bij de service</translation>
    </message>
    <message>
        <source>Run the job again from the step that failed</source>
        <translation>Voer de taak opnieuw uit vanaf de stap die mislukte</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove the job from the list, with its downloaded results</source>
        <translation>Verwijder de taak uit de lijst, samen met de gedownloade resultaten</translation>
    </message>
    <message>
        <source>Cancel on the service and &amp;remove</source>
        <translation>Op de service annuleren en &amp;verwijderen</translation>
    </message>
    <message>
        <source>“%1” is still in progress. Stop it and remove it from the list?</source>
        <translation>“%1” is nog bezig. Stoppen en uit de lijst verwijderen?</translation>
    </message>
    <message>
        <source>Stop and &amp;remove</source>
        <translation>Stoppen en &amp;verwijderen</translation>
    </message>
    <message>
        <source>Remove “%1” from the list? Its downloaded results are deleted too.</source>
        <translation>“%1” uit de lijst verwijderen? De gedownloade resultaten worden ook verwijderd.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove batch job</source>
        <translation>Batchtaak verwijderen</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>“%1” wordt verwijderd…</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>“%1” is verwijderd.</translation>
    </message>
    <message>
        <source>The connection string could not be kept in the keychain.</source>
        <translation>De verbindingsreeks kon niet in de sleutelbos worden bewaard.</translation>
    </message>
    <message>
        <source>The subscription key could not be read.</source>
        <translation>De abonnementssleutel kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>The job was not started.</source>
        <translation>De taak is niet gestart.</translation>
    </message>
    <message>
        <source>This job is no longer in the list.</source>
        <translation>Deze taak staat niet meer in de lijst.</translation>
    </message>
    <message>
        <source>This job cannot be shown.</source>
        <translation>Deze taak kan niet worden getoond.</translation>
    </message>
    <message>
        <source>%1: Cancelled here, but the service did not cancel the job.</source>
        <translation>%1: Hier geannuleerd, maar de service heeft de taak niet geannuleerd.</translation>
    </message>
    <message>
        <source>This job cannot be run again: the service itself failed it.</source>
        <translation>Deze taak kan niet opnieuw worden uitgevoerd: de service zelf heeft haar laten mislukken.</translation>
    </message>
    <message>
        <source>“%1” could not be removed.</source>
        <translation>“%1” kon niet worden verwijderd.</translation>
    </message>
    <message>
        <source>“%1” is being cancelled on the service, which has not answered yet.

Remove here only drops the entry and its downloaded results from this list without contacting the service: a job running there goes on until it ends, and its input and results stay in the storage container “%2”.</source>
        <translation>“%1” wordt op de service geannuleerd, maar de service heeft nog niet geantwoord.

Alleen hier verwijderen haalt de taak en de gedownloade resultaten uit deze lijst zonder de service te benaderen: een taak die daar draait gaat door tot hij klaar is, en de invoer en de resultaten blijven in de opslagcontainer “%2”.</translation>
    </message>
    <message>
        <source>Remove &amp;here only</source>
        <translation>Alleen &amp;hier verwijderen</translation>
    </message>
    <message>
        <source>“%1” may still be running on the service. Cancel it there first (the service deletes the job) and remove it from the list?

If the service cannot be reached, Remove here only drops the entry and its downloaded results from this list without contacting the service: a job running there goes on until it ends, and its input and results stay in the storage container “%2”.</source>
        <translation>“%1” draait misschien nog op de service. Eerst daar annuleren (de service verwijdert de taak) en dan uit de lijst verwijderen?

Als de service niet bereikbaar is, haalt Alleen hier verwijderen de taak en de gedownloade resultaten uit deze lijst zonder de service te benaderen: een taak die daar draait gaat door tot hij klaar is, en de invoer en de resultaten blijven in de opslagcontainer “%2”.</translation>
    </message>
    <message>
        <source>Removed “%1” here only. The service was not contacted: a job running there goes on, and its input and results stay in the storage container “%2”.</source>
        <translation>“%1” is alleen hier verwijderd. De service is niet benaderd: een taak die daar draait gaat door, en de invoer en de resultaten blijven in de opslagcontainer “%2”.</translation>
    </message>
    <message>
        <source>Waiting to carry on (interrupted before it reached the service)</source>
        <translation>Wacht om verder te gaan (onderbroken voordat hij de service bereikte)</translation>
    </message>
    <message>
        <source>Cance&amp;l job</source>
        <translation>Taak ann&amp;uleren</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Opnieuw &amp;proberen</translation>
    </message>
    <message>
        <source>S&amp;ubscription:</source>
        <translation>Abo&amp;nnement:</translation>
    </message>
    <message>
        <source>Stor&amp;age:</source>
        <translation>Ops&amp;lag:</translation>
    </message>
    <message>
        <source>Connection strin&amp;g:</source>
        <translation>V&amp;erbindingsreeks:</translation>
    </message>
    <message>
        <source>The job was not started: see the marked field.</source>
        <translation>De taak is niet gestart: zie het gemarkeerde veld.</translation>
    </message>
    <message>
        <source>Submi&amp;t again</source>
        <translation>O&amp;pnieuw indienen</translation>
    </message>
    <message>
        <source>Submit the job to the service again. A job from the interrupted submit may stay there, never started.</source>
        <translation>Dien de taak opnieuw in bij de service. Een taak van de onderbroken indiening kan daar achterblijven, zonder ooit te starten.</translation>
    </message>
    <message>
        <source>Remove “%1” from the list? A job the service may hold from the interrupted submit stays there: it was never started and cannot be listed.</source>
        <translation>“%1” uit de lijst verwijderen? Een taak die de service mogelijk heeft van de onderbroken indiening blijft daar staan: die is nooit gestart en kan niet worden opgevraagd.</translation>
    </message>
    <message>
        <source>Ex&amp;port CSV…</source>
        <translation>CSV e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Sen&amp;d:</source>
        <translation>Ver&amp;sturen:</translation>
    </message>
    <message>
        <source>Servi&amp;ce:</source>
        <translation>Se&amp;rvice:</translation>
    </message>
    <message>
        <source>Co&amp;ntainer:</source>
        <translation>Con&amp;tainer:</translation>
    </message>
</context>
<context>
    <name>portico::ui::BinaryBodyPage</name>
    <message>
        <source>Save Body…</source>
        <translation>Body opslaan…</translation>
    </message>
    <message>
        <source>Show Hexadecimal</source>
        <translation>Hexadecimaal tonen</translation>
    </message>
    <message numerus="yes">
        <source>Binary body, %n byte(s).</source>
        <translation>
            <numerusform>Binaire body, %n byte.</numerusform>
            <numerusform>Binaire body, %n bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Binary body, %1.</source>
        <translation>Binaire body, %1.</translation>
    </message>
    <message>
        <source>Raw shows the first %1 as hexadecimal; Save Body… writes all of it to a file.</source>
        <translation>Onbewerkt toont de eerste %1 hexadecimaal; Body opslaan… schrijft alles naar een bestand.</translation>
    </message>
    <message>
        <source>Raw shows it as hexadecimal; Save Body… writes it to a file.</source>
        <translation>Onbewerkt toont hem hexadecimaal; Body opslaan… schrijft hem naar een bestand.</translation>
    </message>
    <message>
        <source>Save Kept Part…</source>
        <translation>Bewaard deel opslaan…</translation>
    </message>
    <message>
        <source>History kept none of this body; send the request again to see it.</source>
        <translation>De geschiedenis heeft niets van deze body bewaard; verstuur het verzoek opnieuw om hem te zien.</translation>
    </message>
    <message>
        <source>History kept only the first %1 of this body; Raw shows it as hexadecimal and Save Kept Part… writes that part to a file.</source>
        <translation>De geschiedenis heeft alleen de eerste %1 van deze body bewaard; Onbewerkt toont dat deel hexadecimaal en Bewaard deel opslaan… schrijft het naar een bestand.</translation>
    </message>
</context>
<context>
    <name>portico::ui::ConsoleSession</name>
    <message>
        <source>&amp;New service instance…</source>
        <translation>&amp;Nieuwe service-instantie…</translation>
    </message>
    <message>
        <source>portico-local: starting</source>
        <translation>portico-local: wordt gestart</translation>
    </message>
    <message>
        <source>portico-local: running</source>
        <translation>portico-local: actief</translation>
    </message>
    <message>
        <source>portico-local: restarting</source>
        <translation>portico-local: wordt herstart</translation>
    </message>
    <message>
        <source>portico-local: stopping</source>
        <translation>portico-local: wordt gestopt</translation>
    </message>
    <message>
        <source>portico-local: stopped</source>
        <translation>portico-local: gestopt</translation>
    </message>
    <message>
        <source>portico-local: failed</source>
        <translation>portico-local: mislukt</translation>
    </message>
    <message>
        <source>portico-local stopped unexpectedly (exit code %1). Restarting it…</source>
        <translation>portico-local is onverwacht gestopt (afsluitcode %1). Het wordt opnieuw gestart…</translation>
    </message>
    <message>
        <source>portico-local could not be started: %1</source>
        <translation>portico-local kon niet worden gestart: %1</translation>
    </message>
    <message>
        <source>portico-local: running at %1</source>
        <translation>portico-local: actief op %1</translation>
    </message>
    <message>
        <source>Try It history is not available: %1</source>
        <translation>De Uitproberen-geschiedenis is niet beschikbaar: %1</translation>
    </message>
    <message>
        <source>Could not reach the management API: %1</source>
        <translation>De beheer-API is niet bereikbaar: %1</translation>
    </message>
    <message>
        <source>There is no API Management service yet. Create one with File → New service instance.</source>
        <translation>Er is nog geen API Management-service. Maak er een aan via Bestand → Nieuwe service-instantie.</translation>
    </message>
    <message>
        <source>%1 — Portico</source>
        <translation>%1 — Portico</translation>
    </message>
    <message>
        <source>portico-local</source>
        <translation>portico-local</translation>
    </message>
    <message>
        <source>Add &amp;AzureML web service…</source>
        <translation>Azure&amp;ML-webservice toevoegen…</translation>
    </message>
    <message>
        <source>Create a service instance first (File → New service instance).</source>
        <translation>Maak eerst een service-instantie aan (Bestand → Nieuwe service-instantie).</translation>
    </message>
    <message>
        <source>Earlier batch jobs could not be read: %1</source>
        <translation>Eerdere batchtaken konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>O&amp;mgeving</translation>
    </message>
    <message>
        <source>Add &amp;Azure environment…</source>
        <translation>&amp;Azure-omgeving toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Remove environment…</source>
        <translation>Omgeving &amp;verwijderen…</translation>
    </message>
    <message>
        <source>There is no Azure environment to remove; portico-local always stays.</source>
        <translation>Er is geen Azure-omgeving om te verwijderen; portico-local blijft altijd.</translation>
    </message>
    <message>
        <source>Select the Azure environment to remove in the navigation tree.</source>
        <translation>Selecteer in de navigatieboom de Azure-omgeving die u wilt verwijderen.</translation>
    </message>
    <message>
        <source>%1: Azure subscription %2</source>
        <translation>%1: Azure-abonnement %2</translation>
    </message>
    <message>
        <source>portico-local: not running</source>
        <translation>portico-local: niet actief</translation>
    </message>
    <message>
        <source>portico-local could not be started: the keychain is locked, so its token cannot be read. Unlock the keychain (for example by logging in to your desktop session) and retry.</source>
        <translation>portico-local kon niet worden gestart: de sleutelbos is vergrendeld, dus het token kan niet worden gelezen. Ontgrendel de sleutelbos (bijvoorbeeld door u aan te melden bij uw bureaubladsessie) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>portico-local&apos;s ML key could not be kept: the keychain is locked. Unlock it (for example by logging in to your desktop session); the key is kept at the next start.</source>
        <translation>De ML-sleutel van portico-local kon niet worden bewaard: de sleutelbos is vergrendeld. Ontgrendel hem (bijvoorbeeld door u aan te melden bij uw bureaubladsessie); de sleutel wordt bij de volgende start bewaard.</translation>
    </message>
    <message>
        <source>portico-local&apos;s ML key could not be kept in the keychain: %1</source>
        <translation>De ML-sleutel van portico-local kon niet in de sleutelbos worden bewaard: %1</translation>
    </message>
    <message>
        <source>No API Management service is ready yet: the navigation tree shows which failed and which are still being created. Create one with File → New service instance.</source>
        <translation>Nog geen enkele API Management-service is klaar: de navigatieboom toont welke mislukt zijn en welke nog worden aangemaakt. Maak er een aan via Bestand → Nieuwe service-instantie.</translation>
    </message>
</context>
<context>
    <name>portico::ui::DeveloperController</name>
    <message>
        <source>Could not load the service: %1</source>
        <translation>Kon de service niet laden: %1</translation>
    </message>
    <message>
        <source>Could not load the APIs: %1</source>
        <translation>Kon de API&apos;s niet laden: %1</translation>
    </message>
    <message>
        <source>Could not load the operations of %1: %2</source>
        <translation>Kon de bewerkingen van %1 niet laden: %2</translation>
    </message>
    <message>
        <source>Could not load the subscriptions: %1</source>
        <translation>Kon de abonnementen niet laden: %1</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>Er is geen sleutelbos beschikbaar.</translation>
    </message>
    <message>
        <source>Cancelled. The request was not sent.</source>
        <translation>Geannuleerd. Het verzoek is niet verzonden.</translation>
    </message>
    <message>
        <source>The request was not sent: it cannot be built from this input (%1).</source>
        <translation>Het verzoek is niet verzonden: het kan met deze invoer niet worden opgebouwd (%1).</translation>
    </message>
    <message>
        <source>Redirect not followed: the Location header is missing or unreadable</source>
        <translation>Omleiding niet gevolgd: de Location-header ontbreekt of is onleesbaar</translation>
    </message>
    <message>
        <source>Redirect not followed: %1 (more redirects in a row than the limit of %2)</source>
        <translation>Omleiding niet gevolgd: %1 (meer omleidingen achter elkaar dan de limiet van %2)</translation>
    </message>
    <message>
        <source>Redirect not followed: %1 (another host, port or scheme; the request&apos;s keys are not sent there)</source>
        <translation>Omleiding niet gevolgd: %1 (een andere host, poort of scheme; de sleutels van het verzoek worden daar niet heen gestuurd)</translation>
    </message>
    <message>
        <source>Redirect not followed: %1 (not an http or https address)</source>
        <translation>Omleiding niet gevolgd: %1 (geen http- of https-adres)</translation>
    </message>
    <message>
        <source>Redirected to %1 %2</source>
        <translation>Omgeleid naar %1 %2</translation>
    </message>
    <message>
        <source>Redirected to %1</source>
        <translation>Omgeleid naar %1</translation>
    </message>
</context>
<context>
    <name>portico::ui::DeveloperWorkspace</name>
    <message>
        <source>&amp;Response</source>
        <translation>&amp;Antwoord</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <source>The operation of this send is no longer in the catalog.</source>
        <translation>De bewerking van deze verzending staat niet meer in de catalogus.</translation>
    </message>
    <message>
        <source>Compare responses</source>
        <translation>Antwoorden vergelijken</translation>
    </message>
    <message>
        <source>&amp;Batch jobs</source>
        <translation>Batchta&amp;ken</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Geschiedenis</translation>
    </message>
</context>
<context>
    <name>portico::ui::EffectiveScopeBar</name>
    <message>
        <source>No product (a subscription to all APIs or to this API)</source>
        <translation>Geen product (een abonnement op alle API&apos;s of op deze API)</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Globaal</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Product %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Shown as it runs for a caller whose subscription is to the product %1: that product&apos;s policy comes between Global and API %2.</source>
        <translation>Getoond zoals het werkt voor een aanroeper met een abonnement op het product %1: het beleid van dat product komt tussen Globaal en API %2.</translation>
    </message>
    <message>
        <source>API %1 is in no product, so no product policy applies.</source>
        <translation>API %1 zit in geen enkel product, dus er geldt geen productbeleid.</translation>
    </message>
    <message>
        <source>Shown as it runs for a caller whose subscription is to all APIs or to API %1: no product policy applies.</source>
        <translation>Getoond zoals het werkt voor een aanroeper met een abonnement op alle API&apos;s of op API %1: er geldt geen productbeleid.</translation>
    </message>
    <message>
        <source>The products of API %1 could not be read: %2. The effective policy above assumes no product.</source>
        <translation>De producten van API %1 konden niet worden gelezen: %2. Het effectieve beleid hierboven gaat uit van geen product.</translation>
    </message>
    <message>
        <source>%1 (could not be read)</source>
        <translation>%1 (kon niet worden gelezen)</translation>
    </message>
    <message>
        <source>The effective policy above is incomplete: the policy of a parent scope could not be read.
%1</source>
        <translation>Het effectieve beleid hierboven is onvolledig: het beleid van een bovenliggend bereik kon niet worden gelezen.
%1</translation>
    </message>
    <message>
        <source>Effective policy for &amp;callers subscribed to:</source>
        <translation>Effectief beleid voor aanroepers met een &amp;abonnement op:</translation>
    </message>
</context>
<context>
    <name>portico::ui::EnvironmentPage</name>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Where the new service instance will run.</source>
        <translation>Waar de nieuwe service-instantie gaat draaien.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Omgeving:</translation>
    </message>
</context>
<context>
    <name>portico::ui::ForbiddenText</name>
    <message>
        <source>%1 Ask for a role that allows it; if one was granted just now, sign in again.</source>
        <extracomment>%1 is a whole sentence saying what the signed-in account was not allowed to do (ARM 403).</extracomment>
        <translation>%1 Vraag om een rol die dit toestaat; is die net toegekend, meld u dan opnieuw aan.</translation>
    </message>
</context>
<context>
    <name>portico::ui::HistoryPanel</name>
    <message>
        <source>All APIs</source>
        <translation>Alle API&apos;s</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alle bewerkingen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx geslaagd</translation>
    </message>
    <message>
        <source>3xx redirect</source>
        <translation>3xx omleiding</translation>
    </message>
    <message>
        <source>4xx client error</source>
        <translation>4xx clientfout</translation>
    </message>
    <message>
        <source>5xx server error</source>
        <translation>5xx serverfout</translation>
    </message>
    <message>
        <source>Failed sends</source>
        <translation>Mislukte verzendingen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Bewerking</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>&amp;Compare responses</source>
        <translation>A&amp;ntwoorden vergelijken</translation>
    </message>
    <message>
        <source>Select two sends to compare their responses.</source>
        <translation>Selecteer twee verzendingen om hun antwoorden te vergelijken.</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Kon de geschiedenis niet lezen: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Could not re-open this send: %1</source>
        <translation>Kon deze verzending niet opnieuw openen: %1</translation>
    </message>
    <message>
        <source>Could not read these sends from the history.</source>
        <translation>Kon deze verzendingen niet uit de geschiedenis lezen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected sends from the history (Del).</source>
        <translation>De geselecteerde verzendingen uit de geschiedenis verwijderen (Del).</translation>
    </message>
    <message>
        <source>C&amp;lear all…</source>
        <translation>A&amp;lles wissen…</translation>
    </message>
    <message>
        <source>Delete every send in the history, also those the filters hide.</source>
        <translation>Elke verzending uit de geschiedenis verwijderen, ook die de filters verbergen.</translation>
    </message>
    <message numerus="yes">
        <source>Keeps the newest %n sends.</source>
        <translation>
            <numerusform>Bewaart de nieuwste %n verzending.</numerusform>
            <numerusform>Bewaart de nieuwste %n verzendingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete from the history: %1</source>
        <translation>Kon niet uit de geschiedenis verwijderen: %1</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Geschiedenis wissen</translation>
    </message>
    <message>
        <source>Delete every send in the Try It history, with its request and response? This cannot be undone.</source>
        <translation>Elke verzending uit de Uitproberen-geschiedenis verwijderen, met verzoek en antwoord? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Could not clear the history: %1</source>
        <translation>Kon de geschiedenis niet wissen: %1</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (onvolledig)</translation>
    </message>
    <message>
        <source>Re-open &amp;in composer</source>
        <translation>O&amp;pnieuw openen in opsteller</translation>
    </message>
    <message>
        <source>%1 (not decompressed)</source>
        <translation>%1 (niet gedecomprimeerd)</translation>
    </message>
    <message>
        <source>%1 (may be damaged)</source>
        <translation>%1 (mogelijk beschadigd)</translation>
    </message>
</context>
<context>
    <name>portico::ui::IncompleteBodyText</name>
    <message numerus="yes">
        <source>The response is incomplete: no more data arrived for %n second(s) after %1 of the body. What arrived is shown; the rest is missing.</source>
        <translation>
            <numerusform>Het antwoord is onvolledig: na %1 van de body kwamen %n seconde lang geen gegevens meer binnen. Wat binnenkwam wordt getoond; de rest ontbreekt.</numerusform>
            <numerusform>Het antwoord is onvolledig: na %1 van de body kwamen %n seconden lang geen gegevens meer binnen. Wat binnenkwam wordt getoond; de rest ontbreekt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The response is incomplete: no more data arrived after %1 of the body. What arrived is shown; the rest is missing.</source>
        <translation>Het antwoord is onvolledig: na %1 van de body kwamen geen gegevens meer binnen. Wat binnenkwam wordt getoond; de rest ontbreekt.</translation>
    </message>
    <message>
        <source>The response is incomplete: the connection broke off after %1 of the body (%2). What arrived is shown; the rest is missing.</source>
        <translation>Het antwoord is onvolledig: de verbinding werd na %1 van de body verbroken (%2). Wat binnenkwam wordt getoond; de rest ontbreekt.</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>de server heeft de verbinding gesloten</translation>
    </message>
    <message>
        <source>the network connection was lost</source>
        <translation>de netwerkverbinding is weggevallen</translation>
    </message>
    <message>
        <source>the server&apos;s reply could not be read</source>
        <translation>het antwoord van de server was onleesbaar</translation>
    </message>
    <message>
        <source>the proxy closed the connection</source>
        <translation>de proxy heeft de verbinding gesloten</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>netwerkfout %1</translation>
    </message>
    <message>
        <source>The body could not be decompressed: the server labelled it “%1” (Content-Encoding), but it is not valid %1 data. It is shown as it was sent.</source>
        <translation>De body kon niet worden gedecomprimeerd: de server gaf “%1” op (Content-Encoding), maar het zijn geen geldige %1-gegevens. De body wordt getoond zoals hij is verzonden.</translation>
    </message>
    <message>
        <source>The response is incomplete: its “%1” data is damaged after %2 of the body, so the rest could not be decompressed. What could be decompressed is shown; the rest is missing.</source>
        <translation>Het antwoord is onvolledig: de “%1”-gegevens zijn beschadigd na %2 van de body, dus de rest kon niet worden gedecomprimeerd. Wat gedecomprimeerd kon worden, wordt getoond; de rest ontbreekt.</translation>
    </message>
    <message>
        <source>The response is incomplete: its “%1” data ends early, after %2 of the body. What could be decompressed is shown; the rest is missing.</source>
        <translation>Het antwoord is onvolledig: de “%1”-gegevens houden te vroeg op, na %2 van de body. Wat gedecomprimeerd kon worden, wordt getoond; de rest ontbreekt.</translation>
    </message>
    <message>
        <source>Decompression error: %1</source>
        <translation>Fout bij decomprimeren: %1</translation>
    </message>
    <message>
        <source>The body decompressed whole, but its “%1” checksum does not match: it may be damaged.</source>
        <translation>De body is volledig gedecomprimeerd, maar de “%1”-controlesom klopt niet: de body is mogelijk beschadigd.</translation>
    </message>
    <message>
        <source>Portico does not decompress “%1” (Content-Encoding). The body is shown as it was sent.</source>
        <translation>Portico decomprimeert “%1” (Content-Encoding) niet. De body wordt getoond zoals die is verzonden.</translation>
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
    <message>
        <source>{…} reading…</source>
        <translation>{…} wordt gelezen…</translation>
    </message>
    <message>
        <source>[…] reading…</source>
        <translation>[…] wordt gelezen…</translation>
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
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Switch between &amp;navigation and panel</source>
        <translation>Wisselen tussen &amp;navigatie en paneel</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>&amp;Discard and quit</source>
        <translation>&amp;Verwerpen en afsluiten</translation>
    </message>
    <message>
        <source>Editors with unsaved edits: %1. Quit and discard those edits?</source>
        <translation>Editors met niet-opgeslagen wijzigingen: %1. Afsluiten en die wijzigingen verwerpen?</translation>
    </message>
    <message>
        <source>No keychain is available: sign-ins and keys are kept only until Portico quits. To keep them, start your desktop&apos;s keychain service (for example GNOME Keyring or KWallet, usually by logging in to a desktop session); Portico tries it again each time it keeps a sign-in or key.</source>
        <translation>Er is geen sleutelbos beschikbaar: aanmeldingen en sleutels worden alleen bewaard tot Portico wordt afgesloten. Om ze te bewaren: start de sleutelbosdienst van uw bureaublad (bijvoorbeeld GNOME Keyring of KWallet, meestal door u aan te melden bij een bureaubladsessie); Portico probeert die opnieuw telkens wanneer het een aanmelding of sleutel bewaart.</translation>
    </message>
</context>
<context>
    <name>portico::ui::MaskedKeyField</name>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>De sleutel tonen of verbergen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message numerus="yes">
        <source>Copy the key to the clipboard. Portico clears it from the clipboard after %n second(s).</source>
        <translation>
            <numerusform>De sleutel naar het klembord kopiëren. Portico wist hem na %n seconde van het klembord.</numerusform>
            <numerusform>De sleutel naar het klembord kopiëren. Portico wist hem na %n seconden van het klembord.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Gekopieerd. Het klembord wordt over %n seconde gewist.</numerusform>
            <numerusform>Gekopieerd. Het klembord wordt over %n seconden gewist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portico::ui::NamePage</name>
    <message>
        <source>Instance name</source>
        <translation>Naam van de instantie</translation>
    </message>
    <message>
        <source>The name becomes part of the gateway host name, so it must be unique.</source>
        <translation>De naam wordt deel van de hostnaam van de gateway en moet dus uniek zijn.</translation>
    </message>
    <message>
        <source>1 to 50 characters: letters, digits and hyphens; it starts with a letter and does not end with a hyphen.</source>
        <translation>1 tot 50 tekens: letters, cijfers en koppeltekens; begint met een letter en eindigt niet op een koppelteken.</translation>
    </message>
    <message>
        <source>Instance &amp;name:</source>
        <translation>&amp;Naam instantie:</translation>
    </message>
    <message>
        <source>“%1” is available.</source>
        <translation>“%1” is beschikbaar.</translation>
    </message>
    <message>
        <source>“%1” is already taken.</source>
        <translation>“%1” is al in gebruik.</translation>
    </message>
    <message>
        <source>“%1” is not available: %2</source>
        <translation>“%1” is niet beschikbaar: %2</translation>
    </message>
    <message>
        <source>The server does not accept this name: %1</source>
        <translation>De server accepteert deze naam niet: %1</translation>
    </message>
    <message>
        <source>Could not check the name: %1</source>
        <translation>De naam kon niet worden gecontroleerd: %1</translation>
    </message>
    <message>
        <source>Checking availability…</source>
        <translation>Beschikbaarheid controleren…</translation>
    </message>
    <message>
        <source>Enter a name for the instance.</source>
        <translation>Vul een naam in voor de instantie.</translation>
    </message>
    <message>
        <source>The name must start with a letter (a–z, A–Z).</source>
        <translation>De naam moet met een letter beginnen (a–z, A–Z).</translation>
    </message>
    <message>
        <source>The name must not end with a hyphen.</source>
        <translation>De naam mag niet op een koppelteken eindigen.</translation>
    </message>
    <message>
        <source>Only letters a–z and A–Z, digits and hyphens are allowed.</source>
        <translation>Alleen de letters a–z en A–Z, cijfers en koppeltekens zijn toegestaan.</translation>
    </message>
    <message>
        <source>“%1” is the instance whose create failed; it will be created again.</source>
        <translation>“%1” is de instantie waarvan het aanmaken is mislukt; die wordt opnieuw aangemaakt.</translation>
    </message>
</context>
<context>
    <name>portico::ui::NavigationActions</name>
    <message>
        <source>Add &amp;operation</source>
        <translation>Bewerking &amp;toevoegen</translation>
    </message>
    <message>
        <source>Add an operation to this API</source>
        <translation>Een bewerking aan deze API toevoegen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Delete API…</source>
        <translation>API &amp;verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Delete operation…</source>
        <translation>Bewerking &amp;verwijderen…</translation>
    </message>
    <message>
        <source>Delete API</source>
        <translation>API verwijderen</translation>
    </message>
    <message>
        <source>Delete operation</source>
        <translation>Bewerking verwijderen</translation>
    </message>
    <message>
        <source>Delete the API “%1” with all its operations, policies and revisions? Calls to it through the gateway will fail. This cannot be undone.</source>
        <translation>De API “%1” verwijderen, met al zijn bewerkingen, beleidsregels en revisies? Aanroepen ervan via de gateway mislukken dan. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Delete the operation “%1” of the API “%2”? Calls to it through the gateway will fail. This cannot be undone.</source>
        <translation>De bewerking “%1” van de API “%2” verwijderen? Aanroepen ervan via de gateway mislukken dan. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Delete API</source>
        <translation>API &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Delete operation</source>
        <translation>Bewerking &amp;verwijderen</translation>
    </message>
    <message>
        <source>Deleting API %1</source>
        <translation>API %1 wordt verwijderd</translation>
    </message>
    <message>
        <source>Deleting operation %1</source>
        <translation>Bewerking %1 wordt verwijderd</translation>
    </message>
    <message>
        <source>The API %1 was not deleted: %2</source>
        <translation>De API %1 is niet verwijderd: %2</translation>
    </message>
    <message>
        <source>The operation %1 was not deleted: %2</source>
        <translation>De bewerking %1 is niet verwijderd: %2</translation>
    </message>
    <message>
        <source>API %1 deleted</source>
        <translation>API %1 verwijderd</translation>
    </message>
    <message>
        <source>Operation %1 deleted</source>
        <translation>Bewerking %1 verwijderd</translation>
    </message>
    <message>
        <source>The API “%1” was not deleted: the signed-in account does not have permission to delete it (%2).</source>
        <translation>De API “%1” is niet verwijderd: het aangemelde account heeft geen toestemming om deze te verwijderen (%2).</translation>
    </message>
    <message>
        <source>The operation “%1” was not deleted: the signed-in account does not have permission to delete it (%2).</source>
        <translation>De bewerking “%1” is niet verwijderd: het aangemelde account heeft geen toestemming om deze te verwijderen (%2).</translation>
    </message>
</context>
<context>
    <name>portico::ui::NavigationLabels</name>
    <message>
        <source>APIs</source>
        <translation>API&apos;s</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Producten</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnementen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Named values</source>
        <translation>Benoemde waarden</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Beleid</translation>
    </message>
    <message>
        <source>%1 (could not load)</source>
        <translation>%1 (kon niet laden)</translation>
    </message>
    <message>
        <source>Could not load: %1. Press F5 to try again.</source>
        <translation>Kon niet laden: %1. Druk op F5 om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>%1 (loading…)</source>
        <translation>%1 (laden…)</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (mislukt)</translation>
    </message>
    <message>
        <source>Creating or updating this service failed, so it cannot be used. Create it again with File → New service instance.</source>
        <translation>Het aanmaken of bijwerken van deze service is mislukt, dus hij kan niet worden gebruikt. Maak hem opnieuw aan via Bestand → Nieuwe service-instantie.</translation>
    </message>
    <message>
        <source>%1 (being created…)</source>
        <translation>%1 (wordt aangemaakt…)</translation>
    </message>
    <message>
        <source>This service is still being created; it can be used when it is ready.</source>
        <translation>Deze service wordt nog aangemaakt; hij kan worden gebruikt zodra hij klaar is.</translation>
    </message>
</context>
<context>
    <name>portico::ui::OperationEditor</name>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>Operation &amp;id:</source>
        <translation>&amp;Id van bewerking:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
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
        <source>Allowed values</source>
        <translation>Toegestane waarden</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhoudstype</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Statuscode</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Nieuwe bewerking</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Bewerking: %1</translation>
    </message>
    <message>
        <source>character %1</source>
        <translation>teken %1</translation>
    </message>
    <message>
        <source>The URL template can be at most 1000 characters long.</source>
        <translation>Het URL-sjabloon mag hoogstens 1000 tekens lang zijn.</translation>
    </message>
    <message>
        <source>Unbalanced brace at %1: every { needs a matching }.</source>
        <translation>Ongepaarde accolade bij %1: elke { heeft een bijbehorende } nodig.</translation>
    </message>
    <message>
        <source>Empty parameter name at %1.</source>
        <translation>Lege parameternaam bij %1.</translation>
    </message>
    <message>
        <source>“%1” at %2 is not a valid parameter name (letters, digits, _ - . ~).</source>
        <translation>“%1” bij %2 is geen geldige parameternaam (letters, cijfers, _ - . ~).</translation>
    </message>
    <message>
        <source>“%1” is used more than once.</source>
        <translation>“%1” wordt meer dan één keer gebruikt.</translation>
    </message>
    <message>
        <source>A wildcard must be the last path segment (%1).</source>
        <translation>Een jokerteken moet het laatste padsegment zijn (%1).</translation>
    </message>
    <message>
        <source>Only one parameter per path segment is possible (%1).</source>
        <translation>Per padsegment is maar één parameter mogelijk (%1).</translation>
    </message>
    <message>
        <source>Empty path segment (//) at %1.</source>
        <translation>Leeg padsegment (//) bij %1.</translation>
    </message>
    <message>
        <source>Invalid character at %1 (spaces, # and control characters are not allowed).</source>
        <translation>Ongeldig teken bij %1 (spaties, # en stuurtekens zijn niet toegestaan).</translation>
    </message>
    <message>
        <source>Invalid query item at %1: use name=value or name={parameter}.</source>
        <translation>Ongeldig query-onderdeel bij %1: gebruik naam=waarde of naam={parameter}.</translation>
    </message>
    <message>
        <source>“%1” is used in the URL template but not declared as a template parameter.</source>
        <translation>“%1” wordt in het URL-sjabloon gebruikt maar is niet als sjabloonparameter gedeclareerd.</translation>
    </message>
    <message>
        <source>Not used in the URL template.</source>
        <translation>Wordt niet gebruikt in het URL-sjabloon.</translation>
    </message>
    <message>
        <source>“%1” is declared but not used in the URL template.</source>
        <translation>“%1” is gedeclareerd maar wordt niet gebruikt in het URL-sjabloon.</translation>
    </message>
    <message>
        <source>Enter a URL template, e.g. /items/{id}.</source>
        <translation>Vul een URL-sjabloon in, bijvoorbeeld /items/{id}.</translation>
    </message>
    <message>
        <source>Enter an HTTP verb such as GET or POST.</source>
        <translation>Vul een HTTP-methode in, zoals GET of POST.</translation>
    </message>
    <message>
        <source>The operation was not saved because the server could not be reached (%1). Your changes are kept; try again.</source>
        <translation>De bewerking is niet opgeslagen omdat de server onbereikbaar was (%1). Uw wijzigingen blijven bewaard; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The operation was not saved: the sign-in was refused or has expired (%1).</source>
        <translation>De bewerking is niet opgeslagen: de aanmelding is geweigerd of verlopen (%1).</translation>
    </message>
    <message>
        <source>The operation was not saved; see the marked fields.</source>
        <translation>De bewerking is niet opgeslagen; zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>The operation was not saved: %1</source>
        <translation>De bewerking is niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>An operation with the id “%1” already exists in this API.</source>
        <translation>Er bestaat in deze API al een bewerking met de id “%1”.</translation>
    </message>
    <message>
        <source>Operation (not loaded)</source>
        <translation>Bewerking (niet geladen)</translation>
    </message>
    <message>
        <source>The operation could not be loaded: %1</source>
        <translation>De bewerking kon niet worden geladen: %1</translation>
    </message>
    <message>
        <source>The operation “%1” could not be loaded: the signed-in account does not have permission to read it (%2).</source>
        <translation>De bewerking “%1” kon niet worden geladen: het aangemelde account heeft geen toestemming om deze te lezen (%2).</translation>
    </message>
    <message>
        <source>The operation “%1” was not saved: the signed-in account does not have permission to change it (%2).</source>
        <translation>De bewerking “%1” is niet opgeslagen: het aangemelde account heeft geen toestemming om deze te wijzigen (%2).</translation>
    </message>
    <message>
        <source>The operation “%1” was not created: the signed-in account does not have permission to create operations in this API (%2).</source>
        <translation>De bewerking “%1” is niet aangemaakt: het aangemelde account heeft geen toestemming om bewerkingen in deze API aan te maken (%2).</translation>
    </message>
    <message>
        <source>%1 is not an HTTP status code: use a code from 100 to 599.</source>
        <translation>%1 is geen HTTP-statuscode: gebruik een code van 100 tot en met 599.</translation>
    </message>
    <message>
        <source>Status code %1 is already described in row %2: describe each status code once.</source>
        <translation>Statuscode %1 is al beschreven in rij %2: beschrijf elke statuscode één keer.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Rij %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not a status code: use a number from 100 to 599.</source>
        <translation>“%1” is geen statuscode: gebruik een getal van 100 tot en met 599.</translation>
    </message>
    <message>
        <source>Ver&amp;b:</source>
        <translation>HTT&amp;P-methode:</translation>
    </message>
    <message>
        <source>URL te&amp;mplate:</source>
        <translation>&amp;URL-sjabloon:</translation>
    </message>
    <message>
        <source>Declare missin&amp;g parameters</source>
        <translation>Ontbre&amp;kende parameters declareren</translation>
    </message>
    <message>
        <source>Respo&amp;nses</source>
        <translation>A&amp;ntwoorden</translation>
    </message>
    <message>
        <source>This operation was changed on the server since you opened it, so your changes were not saved; they are still here. Keep server version drops your changes and shows the server&apos;s version; Overwrite saves yours over it.</source>
        <translation>Deze bewerking is op de server gewijzigd sinds u haar opende, dus uw wijzigingen zijn niet opgeslagen; ze staan hier nog. Serverversie laden laat uw wijzigingen vervallen en toont de versie van de server; Overschrijven slaat de uwe eroverheen op.</translation>
    </message>
    <message>
        <source>Descri&amp;ption:</source>
        <translation>Bes&amp;chrijving:</translation>
    </message>
    <message>
        <source>Declare template parameters aut&amp;omatically</source>
        <translation>Sjabloonparameters &amp;automatisch declareren</translation>
    </message>
    <message>
        <source>Temp&amp;late parameters</source>
        <translation>S&amp;jabloonparameters</translation>
    </message>
    <message>
        <source>Quer&amp;y parameters</source>
        <translation>&amp;Queryparameters</translation>
    </message>
    <message>
        <source>He&amp;aders</source>
        <translation>Heade&amp;rs</translation>
    </message>
    <message>
        <source>Re&amp;quest</source>
        <translation>&amp;Verzoek</translation>
    </message>
</context>
<context>
    <name>portico::ui::OperationTracker</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>portico::ui::PanelSpec</name>
    <message>
        <source>Products</source>
        <translation>Producten</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Niet gepubliceerd</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>&amp;Groups (who can see it):</source>
        <translation>Groepen (wie het &amp;ziet):</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnementen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Opgeschort</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>Berei&amp;k:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eigenaar:</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>Named values</source>
        <translation>Benoemde waarden</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocol:</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>Subscriptions li&amp;mit:</source>
        <translation>Ma&amp;ximum aantal abonnementen:</translation>
    </message>
    <message>
        <source>Su&amp;bscription required</source>
        <translation>&amp;Abonnement vereist</translation>
    </message>
    <message>
        <source>Se&amp;cret (never shown again after saving)</source>
        <translation>G&amp;eheim (na opslaan nooit meer getoond)</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Descripti&amp;on:</source>
        <translation>Bes&amp;chrijving:</translation>
    </message>
    <message>
        <source>Approval re&amp;quired</source>
        <translation>Goed&amp;keuring vereist</translation>
    </message>
    <message>
        <source>A&amp;PIs:</source>
        <translation>A&amp;PI&apos;s:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>Voorn&amp;aam:</translation>
    </message>
    <message>
        <source>Last na&amp;me:</source>
        <translation>A&amp;chternaam:</translation>
    </message>
    <message>
        <source>E-mail a&amp;ddress:</source>
        <translation>&amp;E-mailadres:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>N&amp;aam:</translation>
    </message>
    <message>
        <source>V&amp;alue:</source>
        <translation>&amp;Waarde:</translation>
    </message>
    <message>
        <source>Runti&amp;me URL:</source>
        <translation>Runtime-&amp;URL:</translation>
    </message>
</context>
<context>
    <name>portico::ui::ParameterTable</name>
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
        <source>template</source>
        <translation>sjabloon</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove this query parameter</source>
        <translation>Deze queryparameter verwijderen</translation>
    </message>
    <message>
        <source>Enter again: history does not keep secrets</source>
        <translation>Opnieuw invullen: de geschiedenis bewaart geen geheimen</translation>
    </message>
</context>
<context>
    <name>portico::ui::PolicyDocument</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>regel %1, kolom %2: %3</translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation>het document is leeg</translation>
    </message>
    <message>
        <source>inherited from %1</source>
        <translation>geërfd van %1</translation>
    </message>
    <message>
        <source>The document must start with &lt;policies&gt;, not &lt;%1&gt;.</source>
        <translation>Het document moet met &lt;policies&gt; beginnen, niet met &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>The policy is empty.</source>
        <translation>Het beleid is leeg.</translation>
    </message>
    <message>
        <source>%1 policy: %2</source>
        <translation>Beleid %1: %2</translation>
    </message>
    <message>
        <source>no parent scope</source>
        <translation>geen bovenliggend bereik</translation>
    </message>
    <message>
        <source>The document ends too early.</source>
        <translation>Het document houdt te vroeg op.</translation>
    </message>
    <message>
        <source>The document ends before &lt;%1&gt; is closed.</source>
        <translation>Het document houdt op voordat &lt;%1&gt; is gesloten.</translation>
    </message>
    <message>
        <source>This closing tag does not match &lt;%1&gt;, the element that is open here.</source>
        <translation>Deze sluittag past niet bij &lt;%1&gt;, het element dat hier open is.</translation>
    </message>
    <message>
        <source>There is more after the end of &lt;policies&gt;; a policy is one &lt;policies&gt; element.</source>
        <translation>Er staat nog iets na het einde van &lt;policies&gt;; een beleid is één &lt;policies&gt;-element.</translation>
    </message>
    <message>
        <source>&amp;%1; is not an XML entity. Outside a policy expression, write &amp; as &amp;amp;.</source>
        <translation>&amp;%1; is geen XML-entiteit. Schrijf &amp; buiten een beleidsexpressie als &amp;amp;.</translation>
    </message>
    <message>
        <source>This &amp; does not start an entity. Outside a policy expression, write &amp; as &amp;amp;.</source>
        <translation>Deze &amp; begint geen entiteit. Schrijf &amp; buiten een beleidsexpressie als &amp;amp;.</translation>
    </message>
    <message>
        <source>An attribute value must be in quotes.</source>
        <translation>Een attribuutwaarde moet tussen aanhalingstekens staan.</translation>
    </message>
    <message>
        <source>The attribute %1 appears twice in this element.</source>
        <translation>Het attribuut %1 komt twee keer voor in dit element.</translation>
    </message>
    <message>
        <source>This &lt; does not start a tag. Outside a policy expression, write &lt; as &amp;lt;.</source>
        <translation>Deze &lt; begint geen tag. Schrijf &lt; buiten een beleidsexpressie als &amp;lt;.</translation>
    </message>
    <message>
        <source>This is not well-formed XML (%1).</source>
        <translation>Dit is geen welgevormde XML (%1).</translation>
    </message>
</context>
<context>
    <name>portico::ui::PolicyEditor</name>
    <message>
        <source>Policy XML</source>
        <translation>Beleids-XML</translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation>Effectief beleid</translation>
    </message>
    <message>
        <source>&amp;Policy</source>
        <translation>B&amp;eleid</translation>
    </message>
    <message>
        <source>&amp;Insert snippet</source>
        <translation>Fragment &amp;invoegen</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Aanroeplimiet</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quotum</translation>
    </message>
    <message>
        <source>Set header</source>
        <translation>Header instellen</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>IP filter</source>
        <translation>IP-filter</translation>
    </message>
    <message>
        <source>Mock response</source>
        <translation>Nagebootst antwoord</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>The policy was not saved: %1</source>
        <translation>Het beleid is niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Regel %1, kolom %2: %3</translation>
    </message>
    <message>
        <source>The effective policy cannot be shown: %1</source>
        <translation>Het effectieve beleid kan niet worden getoond: %1</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>The policy could not be loaded: %1</source>
        <translation>Het beleid kon niet worden geladen: %1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>The policy of %1 could not be loaded: the signed-in account does not have permission to read it (%2).</source>
        <translation>Het beleid van %1 kon niet worden geladen: het aangemelde account heeft geen toestemming om het te lezen (%2).</translation>
    </message>
    <message>
        <source>The policy of %1 was not saved: the signed-in account does not have permission to change it (%2).</source>
        <translation>Het beleid van %1 is niet opgeslagen: het aangemelde account heeft geen toestemming om het te wijzigen (%2).</translation>
    </message>
    <message>
        <source>&amp;Keep server version</source>
        <translation>Serverversie &amp;laden</translation>
    </message>
    <message>
        <source>The policy of %1 was changed on the server since you opened it, so your changes were not saved; they are still here. Keep server version drops your changes and shows the server&apos;s version; Overwrite saves yours over it.</source>
        <translation>Het beleid van %1 is op de server gewijzigd sinds u het opende, dus uw wijzigingen zijn niet opgeslagen; ze staan hier nog. Serverversie laden laat uw wijzigingen vervallen en toont de versie van de server; Overschrijven slaat de uwe eroverheen op.</translation>
    </message>
    <message>
        <source>The effective policy cannot be shown because the policy of %1 could not be read.</source>
        <translation>Het effectieve beleid kan niet worden getoond, omdat het beleid van %1 niet kon worden gelezen.</translation>
    </message>
    <message>
        <source>Ove&amp;rwrite</source>
        <translation>&amp;Overschrijven</translation>
    </message>
    <message>
        <source>Effective po&amp;licy</source>
        <translation>E&amp;ffectief beleid</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>&amp;Terugdraaien</translation>
    </message>
    <message>
        <source>Azure API Management accepts a quota only in a product&apos;s policy. For a quota per subscription here, use &lt;quota-by-key counter-key=&quot;@(context.Subscription.Id)&quot; … /&gt;.</source>
        <translation>Azure API Management accepteert een quotum alleen in het beleid van een product. Gebruik hier voor een quotum per abonnement &lt;quota-by-key counter-key=&quot;@(context.Subscription.Id)&quot; … /&gt;.</translation>
    </message>
    <message>
        <source>Azure API Management accepts a rate limit in a product&apos;s, an API&apos;s or an operation&apos;s policy, not in the global policy. For a limit per subscription here, use &lt;rate-limit-by-key counter-key=&quot;@(context.Subscription.Id)&quot; … /&gt;.</source>
        <translation>Azure API Management accepteert een aanroeplimiet in het beleid van een product, een API of een bewerking, niet in het globale beleid. Gebruik hier voor een limiet per abonnement &lt;rate-limit-by-key counter-key=&quot;@(context.Subscription.Id)&quot; … /&gt;.</translation>
    </message>
</context>
<context>
    <name>portico::ui::ProgressPage</name>
    <message>
        <source>Creating the instance</source>
        <translation>De instantie wordt aangemaakt</translation>
    </message>
    <message>
        <source>You can close this window; progress continues in the status bar.</source>
        <translation>U kunt dit venster sluiten; de voortgang blijft zichtbaar in de statusbalk.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Use Back to change the settings and create the instance again.</source>
        <translation>Gebruik Terug om de instellingen te wijzigen en het exemplaar opnieuw aan te maken.</translation>
    </message>
    <message>
        <source>&amp;Watch again</source>
        <translation>&amp;Opnieuw volgen</translation>
    </message>
    <message>
        <source>Watching again…</source>
        <translation>Het aanmaken wordt weer gevolgd…</translation>
    </message>
    <message>
        <source>Keep following this creation until the instance is ready</source>
        <translation>Het aanmaken blijven volgen tot de instantie klaar is</translation>
    </message>
</context>
<context>
    <name>portico::ui::PublisherController</name>
    <message>
        <source>Creating %1</source>
        <translation>%1 wordt aangemaakt</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 is klaar</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>%1 wordt toegevoegd</translation>
    </message>
    <message>
        <source>%1 was added</source>
        <translation>%1 is toegevoegd</translation>
    </message>
    <message>
        <source>Adding %1 failed: %2</source>
        <translation>Toevoegen van %1 is mislukt: %2</translation>
    </message>
    <message>
        <source>The subscriptions could not be listed because Azure could not be reached (%1).</source>
        <translation>De abonnementen konden niet worden opgevraagd omdat Azure niet bereikbaar was (%1).</translation>
    </message>
    <message>
        <source>The subscriptions could not be listed: %1</source>
        <translation>De abonnementen konden niet worden opgevraagd: %1</translation>
    </message>
    <message>
        <source>The resource groups could not be listed because Azure could not be reached (%1).</source>
        <translation>De resourcegroepen konden niet worden opgevraagd omdat Azure niet bereikbaar was (%1).</translation>
    </message>
    <message>
        <source>The resource groups could not be listed: %1</source>
        <translation>De resourcegroepen konden niet worden opgevraagd: %1</translation>
    </message>
    <message>
        <source>The regions could not be listed because Azure could not be reached (%1).</source>
        <translation>De regio&apos;s konden niet worden opgevraagd omdat Azure niet bereikbaar was (%1).</translation>
    </message>
    <message>
        <source>The regions could not be listed: %1</source>
        <translation>De regio&apos;s konden niet worden opgevraagd: %1</translation>
    </message>
    <message>
        <source>This account cannot see any Azure subscription to create the service in.</source>
        <translation>Dit account ziet geen Azure-abonnement waarin de service kan worden gemaakt.</translation>
    </message>
    <message>
        <source>The account cannot see the subscription %1 of this environment (any more).</source>
        <translation>Het account ziet het abonnement %1 van deze omgeving niet (meer).</translation>
    </message>
    <message>
        <source>An API with the id “%1” already exists.</source>
        <translation>Er bestaat al een API met de id “%1”.</translation>
    </message>
    <message>
        <source>the keychain is locked, so the API key cannot be kept. Unlock the keychain (for example by logging in to your desktop session) and add the service again.</source>
        <translation>de sleutelbos is vergrendeld, dus de API-sleutel kan niet worden bewaard. Ontgrendel de sleutelbos (bijvoorbeeld door u aan te melden bij uw bureaubladsessie) en voeg de service opnieuw toe.</translation>
    </message>
    <message>
        <source>the API key could not be kept in the keychain (%1). Add the service again once the keychain works.</source>
        <translation>de API-sleutel kon niet in de sleutelbos worden bewaard (%1). Voeg de service opnieuw toe zodra de sleutelbos werkt.</translation>
    </message>
    <message>
        <source>The signed-in account does not have permission to list the subscriptions of this account (%1).</source>
        <translation>Het aangemelde account heeft geen toestemming om de abonnementen van dit account op te vragen (%1).</translation>
    </message>
    <message>
        <source>The signed-in account does not have permission to list the resource groups of this subscription (%1).</source>
        <translation>Het aangemelde account heeft geen toestemming om de resourcegroepen van dit abonnement op te vragen (%1).</translation>
    </message>
    <message>
        <source>The signed-in account does not have permission to list the regions of this subscription (%1).</source>
        <translation>Het aangemelde account heeft geen toestemming om de regio&apos;s van dit abonnement op te vragen (%1).</translation>
    </message>
    <message>
        <source>Creating %1 failed: the signed-in account does not have permission to create it in the resource group “%2” (%3).</source>
        <translation>Het aanmaken van %1 is mislukt: het aangemelde account heeft geen toestemming om deze in de resourcegroep “%2” aan te maken (%3).</translation>
    </message>
    <message>
        <source>Creating %1 failed: the signed-in account does not have permission to create the resource group “%2” (%3).</source>
        <translation>Het aanmaken van %1 is mislukt: het aangemelde account heeft geen toestemming om de resourcegroep “%2” aan te maken (%3).</translation>
    </message>
    <message>
        <source>the signed-in account does not have permission to check API Management service names in this subscription (%1).</source>
        <translation>het aangemelde account heeft geen toestemming om namen van API Management-services in dit abonnement te controleren (%1).</translation>
    </message>
    <message>
        <source>A named value with the id “%1” already exists, so the API key cannot be kept in it. Choose another API name, or delete that named value first.</source>
        <translation>Er bestaat al een benoemde waarde met de id “%1”, dus de API-sleutel kan daarin niet worden bewaard. Kies een andere API-naam, of verwijder eerst die benoemde waarde.</translation>
    </message>
    <message>
        <source>The named value “%1” created before that could not be removed again (%2); delete it before adding the service again.</source>
        <translation>De benoemde waarde “%1” die daarvoor al was aangemaakt kon niet opnieuw worden verwijderd (%2); verwijder die voordat u de service opnieuw toevoegt.</translation>
    </message>
    <message>
        <source>The API key kept in the keychain for “%1” could not be removed from it again (%2).</source>
        <translation>De API-sleutel die voor “%1” in de sleutelbos was bewaard, kon er niet opnieuw uit worden verwijderd (%2).</translation>
    </message>
    <message>
        <source>The API “%1” created before that could not be removed again (%2); delete it before adding the service again.</source>
        <translation>De API “%1” die daarvoor al was aangemaakt kon niet opnieuw worden verwijderd (%2); verwijder die voordat u de service opnieuw toevoegt.</translation>
    </message>
    <message>
        <source>The named value “%1” may have been created before that (the service did not answer) and could not be removed again (%2); if it is there, delete it before adding the service again.</source>
        <translation>De benoemde waarde “%1” is daarvoor mogelijk al aangemaakt (de service gaf geen antwoord) en kon niet opnieuw worden verwijderd (%2); als die er is, verwijder die dan voordat u de service opnieuw toevoegt.</translation>
    </message>
    <message>
        <source>The API “%1” may have been created before that (the service did not answer) and could not be removed again (%2); if it is there, delete it before adding the service again.</source>
        <translation>De API “%1” is daarvoor mogelijk al aangemaakt (de service gaf geen antwoord) en kon niet opnieuw worden verwijderd (%2); als die er is, verwijder die dan voordat u de service opnieuw toevoegt.</translation>
    </message>
    <message>
        <source>%1 is still being created, but Portico stopped watching it (%2). Look for it in the service list later; it appears there when it is ready.</source>
        <translation>%1 wordt nog aangemaakt, maar Portico volgt de instantie niet meer (%2). Zoek hem later op in de lijst met services; hij verschijnt daar zodra hij klaar is.</translation>
    </message>
    <message>
        <source>Portico cannot reach the status of %1 (%2), so it stopped watching it. The service may still be being created: look for it in the service list later; it appears there when it is ready.</source>
        <translation>Portico kan de status van %1 niet opvragen (%2) en volgt de instantie daarom niet meer. Misschien wordt de service nog aangemaakt: zoek hem later op in de lijst met services; hij verschijnt daar zodra hij klaar is.</translation>
    </message>
    <message>
        <source>%1 no longer exists; the create may have failed.</source>
        <translation>%1 bestaat niet meer; het aanmaken is misschien mislukt.</translation>
    </message>
    <message>
        <source>Portico cannot follow this create any more. Look for the service in the service list later; it appears there when it is ready.</source>
        <translation>Portico kan het aanmaken niet meer volgen. Zoek de service later op in de lijst met services; hij verschijnt daar zodra hij klaar is.</translation>
    </message>
    <message>
        <source>The API “%1” was there when it was created (perhaps a colleague&apos;s with the same path and URL) and has changed since, so it was left as it is; delete it if it is not wanted.</source>
        <translation>De API “%1” was er al bij het aanmaken (misschien die van een collega, met hetzelfde pad en dezelfde URL) en is sindsdien gewijzigd, dus die is ongemoeid gelaten; verwijder die als u die niet wilt.</translation>
    </message>
    <message>
        <source>The console switched to another environment before this was finished; nothing more was sent. Reload to see what the server has.</source>
        <translation>De console is naar een andere omgeving overgeschakeld voordat dit klaar was; er is niets meer verzonden. Laad opnieuw om te zien wat de server heeft.</translation>
    </message>
    <message>
        <source>Creating “%1” failed: the service ended in a failed state, and the server did not say why.</source>
        <translation>Aanmaken van “%1” is mislukt: de service is in een mislukte toestand geëindigd en de server heeft niet gezegd waarom.</translation>
    </message>
    <message>
        <source>Creating “%1” failed: %2</source>
        <translation>Aanmaken van “%1” is mislukt: %2</translation>
    </message>
    <message>
        <source>Creating “%1” failed: %2 (%3)</source>
        <translation>Aanmaken van “%1” is mislukt: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>portico::ui::PublisherWorkspace</name>
    <message>
        <source>Select a service, an API, an operation or a folder in the navigation tree (F6 moves between the tree and this panel).</source>
        <translation>Selecteer een service, een API, een bewerking of een map in de navigatieboom (F6 wisselt tussen de boom en dit paneel).</translation>
    </message>
    <message>
        <source>Global (all APIs)</source>
        <translation>Globaal (alle API&apos;s)</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Product %1</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Sleutels</translation>
    </message>
    <message>
        <source>Primary key:</source>
        <translation>Primaire sleutel:</translation>
    </message>
    <message>
        <source>Secondary key:</source>
        <translation>Secundaire sleutel:</translation>
    </message>
    <message>
        <source>Could not load this list: %1</source>
        <translation>Kon deze lijst niet laden: %1</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle API&apos;s</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>Product: %1</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Geen eigenaar</translation>
    </message>
    <message>
        <source>%1 %2 &lt;%3&gt;</source>
        <translation>%1 %2 &lt;%3&gt;</translation>
    </message>
    <message>
        <source>Regenerate key</source>
        <translation>Sleutel opnieuw genereren</translation>
    </message>
    <message>
        <source>Regenerate the primary key of “%1”? Callers that use the current key are refused from now on.</source>
        <translation>De primaire sleutel van “%1” opnieuw genereren? Aanroepers die de huidige sleutel gebruiken, worden vanaf nu geweigerd.</translation>
    </message>
    <message>
        <source>Regenerate the secondary key of “%1”? Callers that use the current key are refused from now on.</source>
        <translation>De secundaire sleutel van “%1” opnieuw genereren? Aanroepers die de huidige sleutel gebruiken, worden vanaf nu geweigerd.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>Opnieuw &amp;genereren</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Te&amp;rug</translation>
    </message>
    <message>
        <source>Back to what this policy belongs to (Ctrl+Shift+P)</source>
        <translation>Terug naar waar dit beleid bij hoort (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Edit the policy of what is shown (Ctrl+Shift+P)</source>
        <translation>Het beleid bewerken van wat getoond wordt (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Policy scope: %1</source>
        <translation>Beleidsbereik: %1</translation>
    </message>
    <message>
        <source>Operation %1 of API %2</source>
        <translation>Bewerking %1 van API %2</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>&amp;Gebruik</translation>
    </message>
    <message>
        <source>Calls, outcomes, response times and data of this service (Ctrl+Shift+U)</source>
        <translation>Aanroepen, uitkomsten, responstijden en gegevens van deze service (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Whole service (all access)</source>
        <translation>Hele service (volledige toegang)</translation>
    </message>
    <message>
        <source>Delete subscriptions</source>
        <translation>Abonnementen verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>“%1” has subscriptions. Also delete its %n subscription(s)? Callers that use their keys are refused from now on.</source>
        <translation>
            <numerusform>“%1” heeft abonnementen. Ook het %n abonnement verwijderen? Aanroepers die de sleutel ervan gebruiken, worden vanaf nu geweigerd.</numerusform>
            <numerusform>“%1” heeft abonnementen. Ook de %n abonnementen verwijderen? Aanroepers die de sleutels ervan gebruiken, worden vanaf nu geweigerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete &amp;all</source>
        <translation>&amp;Alles verwijderen</translation>
    </message>
    <message>
        <source>The keys could not be read: %1</source>
        <translation>De sleutels konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The primary key was not regenerated: %1</source>
        <translation>De primaire sleutel is niet opnieuw gegenereerd: %1</translation>
    </message>
    <message>
        <source>The secondary key was not regenerated: %1</source>
        <translation>De secundaire sleutel is niet opnieuw gegenereerd: %1</translation>
    </message>
    <message>
        <source>Could not load this list: the signed-in account does not have permission to read “%1” in this service (%2).</source>
        <translation>Deze lijst kon niet worden geladen: het aangemelde account heeft geen toestemming om “%1” in deze service te lezen (%2).</translation>
    </message>
    <message>
        <source>The keys of “%1” could not be read: the signed-in account does not have permission to list them (%2).</source>
        <translation>De sleutels van “%1” konden niet worden gelezen: het aangemelde account heeft geen toestemming om ze op te vragen (%2).</translation>
    </message>
    <message>
        <source>The primary key of “%1” was not regenerated: the signed-in account does not have permission to regenerate it (%2).</source>
        <translation>De primaire sleutel van “%1” is niet opnieuw gegenereerd: het aangemelde account heeft geen toestemming om deze opnieuw te genereren (%2).</translation>
    </message>
    <message>
        <source>The secondary key of “%1” was not regenerated: the signed-in account does not have permission to regenerate it (%2).</source>
        <translation>De secundaire sleutel van “%1” is niet opnieuw gegenereerd: het aangemelde account heeft geen toestemming om deze opnieuw te genereren (%2).</translation>
    </message>
    <message>
        <source>Regenerate &amp;primary…</source>
        <translation>&amp;Primaire opnieuw genereren…</translation>
    </message>
    <message>
        <source>“%1” was saved, but unlinking “%2” from it failed: %3</source>
        <translation>“%1” is opgeslagen, maar het ontkoppelen van “%2” is mislukt: %3</translation>
    </message>
    <message>
        <source>“%1” was created, but linking “%2” to it failed: %3</source>
        <translation>“%1” is aangemaakt, maar het koppelen van “%2” is mislukt: %3</translation>
    </message>
    <message>
        <source>“%1” was saved, but linking “%2” to it failed: %3</source>
        <translation>“%1” is opgeslagen, maar het koppelen van “%2” is mislukt: %3</translation>
    </message>
    <message>
        <source>Edit poli&amp;cy</source>
        <translation>B&amp;eleid bewerken</translation>
    </message>
    <message>
        <source>Re&amp;generate secondary…</source>
        <translation>Se&amp;cundaire opnieuw genereren…</translation>
    </message>
    <message>
        <source>“%1” was created, but its links were not changed: %2</source>
        <translation>“%1” is aangemaakt, maar de koppelingen ervan zijn niet gewijzigd: %2</translation>
    </message>
    <message>
        <source>“%1” was saved, but its links were not changed: %2</source>
        <translation>“%1” is opgeslagen, maar de koppelingen ervan zijn niet gewijzigd: %2</translation>
    </message>
    <message>
        <source>This subscription can be given to another user but not made ownerless: the service keeps its owner when none is sent.</source>
        <translation>Dit abonnement kan aan een andere gebruiker worden gegeven, maar niet zonder eigenaar worden gelaten: de service houdt de eigenaar als er geen wordt meegestuurd.</translation>
    </message>
</context>
<context>
    <name>portico::ui::RequestLogView</name>
    <message>
        <source>All calls</source>
        <translation>Alle aanroepen</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Blocked (401, 403, 429)</source>
        <translation>Geblokkeerd (401, 403, 429)</translation>
    </message>
    <message>
        <source>Failed (400, 5xx)</source>
        <translation>Mislukt (400, 5xx)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Bewerking</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Antwoordtijd</translation>
    </message>
    <message>
        <source>Backend time</source>
        <translation>Backendtijd</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Response size</source>
        <translation>Antwoordgrootte</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Aanroeper</translation>
    </message>
    <message>
        <source>The calls could not be read: %1</source>
        <translation>De aanroepen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <comment>API › operation</comment>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message numerus="yes">
        <source>Response time of the %n call(s) shown: median %1, 95th percentile %2, 99th percentile %3</source>
        <translation>
            <numerusform>Antwoordtijd van de %n getoonde aanroep: mediaan %1, 95e percentiel %2, 99e percentiel %3</numerusform>
            <numerusform>Antwoordtijd van de %n getoonde aanroepen: mediaan %1, 95e percentiel %2, 99e percentiel %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>Response time (ms)</source>
        <translation>Antwoordtijd (ms)</translation>
    </message>
    <message>
        <source>Backend time (ms)</source>
        <translation>Backendtijd (ms)</translation>
    </message>
    <message>
        <source>Response size (bytes)</source>
        <translation>Antwoordgrootte (bytes)</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Meer laden</translation>
    </message>
    <message>
        <source>Read the next calls of the period; scrolling to the end of the list reads them too</source>
        <translation>De volgende aanroepen van de periode lezen; naar het einde van de lijst scrollen leest ze ook</translation>
    </message>
    <message>
        <source>Reading the calls: %1 of %2…</source>
        <translation>Aanroepen lezen: %1 van %2…</translation>
    </message>
    <message>
        <source>Reading the calls: %1…</source>
        <translation>Aanroepen lezen: %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of the %Ln call(s) in this period are listed.</source>
        <translation>
            <numerusform>%1 van de %Ln aanroep in deze periode staat in de lijst.</numerusform>
            <numerusform>%1 van de %Ln aanroepen in deze periode staan in de lijst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 calls of this period are listed; there are more.</source>
        <translation>%1 aanroepen van deze periode staan in de lijst; er zijn er meer.</translation>
    </message>
    <message>
        <source>Reading the calls stopped: the server kept sending pages it had sent before. The calls listed are those read until then.</source>
        <translation>Het lezen van de aanroepen is gestopt: de server bleef pagina&apos;s sturen die hij al eerder had gestuurd. De aanroepen in de lijst zijn de aanroepen die tot dan toe zijn gelezen.</translation>
    </message>
    <message>
        <source>The calls are listed once the APIs&apos; key parameter names are read, so that keys in the URLs stay hidden.</source>
        <translation>De aanroepen worden getoond zodra de namen van de sleutelparameters van de API&apos;s zijn gelezen, zodat sleutels in de URL&apos;s verborgen blijven.</translation>
    </message>
    <message>
        <source>Portico stopped reading the calls after %L1 pages; the server has more. The calls listed are those read until then: choose a shorter period to list the others.</source>
        <translation>Portico is na %L1 pagina&apos;s gestopt met het lezen van de aanroepen; de server heeft er meer. De aanroepen in de lijst zijn de aanroepen die tot dan toe zijn gelezen: kies een kortere periode om de andere te tonen.</translation>
    </message>
    <message>
        <source>The APIs could not be read: %1. The calls are neither listed nor exported until they are, so that keys in the URLs stay hidden. Refresh to read them again.</source>
        <translation>De API&apos;s konden niet worden gelezen: %1. De aanroepen worden pas getoond en geëxporteerd als dat lukt, zodat sleutels in de URL&apos;s verborgen blijven. Kies Vernieuwen om ze opnieuw te lezen.</translation>
    </message>
</context>
<context>
    <name>portico::ui::ResourcePanel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nieuw</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Onbeperkt</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nieuw item</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dit veld is verplicht.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>“%1” verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Not saved: the server could not be reached (%1). Your changes are kept.</source>
        <translation>Niet opgeslagen: de server was onbereikbaar (%1). Uw wijzigingen blijven bewaard.</translation>
    </message>
    <message>
        <source>Not saved; see the marked fields.</source>
        <translation>Niet opgeslagen; zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>“%1” is taken: another item already has this id. Choose another id.</source>
        <translation>“%1” is bezet: een ander item heeft deze id al. Kies een andere id.</translation>
    </message>
    <message>
        <source>Not created; see the marked fields.</source>
        <translation>Niet aangemaakt; zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Not deleted: the server could not be reached (%1).</source>
        <translation>Niet verwijderd: de server was onbereikbaar (%1).</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Niet verwijderd: %1</translation>
    </message>
    <message>
        <source>“Unlimited” means no limit; 0 is a limit of zero.</source>
        <translation>“Onbeperkt” betekent geen limiet; 0 is een limiet van nul.</translation>
    </message>
    <message>
        <source>“%1” was not created: the signed-in account does not have permission to create it in this service (%2).</source>
        <translation>“%1” is niet aangemaakt: het aangemelde account heeft geen toestemming om dit in deze service aan te maken (%2).</translation>
    </message>
    <message>
        <source>“%1” was not saved: the signed-in account does not have permission to change it (%2).</source>
        <translation>“%1” is niet opgeslagen: het aangemelde account heeft geen toestemming om dit te wijzigen (%2).</translation>
    </message>
    <message>
        <source>“%1” was not deleted: the signed-in account does not have permission to delete it (%2).</source>
        <translation>“%1” is niet verwijderd: het aangemelde account heeft geen toestemming om dit te verwijderen (%2).</translation>
    </message>
    <message>
        <source>Over&amp;write</source>
        <translation>Overschri&amp;jven</translation>
    </message>
    <message numerus="yes">
        <source>The id can be at most %n character(s) long.</source>
        <translation>
            <numerusform>Het id mag hoogstens %n teken lang zijn.</numerusform>
            <numerusform>Het id mag hoogstens %n tekens lang zijn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The id cannot contain “%1”. Not allowed: %2</source>
        <translation>Het id mag geen “%1” bevatten. Niet toegestaan: %2</translation>
    </message>
    <message>
        <source>Delete an&amp;yway</source>
        <translation>Toch verwi&amp;jderen</translation>
    </message>
    <message>
        <source>&amp;Keep server version</source>
        <translation>Serverversie &amp;laden</translation>
    </message>
    <message>
        <source>“%1” was changed on the server since you opened it, so your changes were not saved; they are still here. Keep server version drops your changes and shows the server&apos;s version; Overwrite saves yours over it.</source>
        <translation>“%1” is op de server gewijzigd sinds u het opende, dus uw wijzigingen zijn niet opgeslagen; ze staan hier nog. Serverversie laden laat uw wijzigingen vervallen en toont de versie van de server; Overschrijven slaat de uwe eroverheen op.</translation>
    </message>
    <message>
        <source>“%1” was changed on the server since you opened it, so it was not deleted. Keep server version shows it as it is now; Delete anyway deletes it as it is now.</source>
        <translation>“%1” is op de server gewijzigd sinds u het opende, dus het is niet verwijderd. Serverversie laden toont het zoals het nu is; Toch verwijderen verwijdert het zoals het nu is.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ve&amp;rnieuwen</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>&amp;Terugdraaien</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>The new item is not saved. Discard it?</source>
        <translation>Het nieuwe item is niet opgeslagen. Verwerpen?</translation>
    </message>
    <message>
        <source>Your changes to “%1” are not saved. Discard them?</source>
        <translation>Uw wijzigingen aan “%1” zijn niet opgeslagen. Verwerpen?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Wijzigingen verwerpen</translation>
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
    <message>
        <source>History kept only part of a body here: only the kept parts are compared.</source>
        <translation>De geschiedenis heeft hier maar een deel van een body bewaard: alleen de bewaarde delen worden vergeleken.</translation>
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
    <message>
        <source>The body declares the character set “%1”, which Portico cannot decode. It is shown as UTF-8.</source>
        <translation>De body geeft de tekenset “%1” op, die Portico niet kan decoderen. Hij wordt als UTF-8 getoond.</translation>
    </message>
    <message>
        <source>The body is binary; Raw shows it as hexadecimal.</source>
        <translation>De body is binair; Onbewerkt toont hem hexadecimaal.</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Size: %1 (%2 as sent, %3)</source>
        <translation>Grootte: %1 (%2 zoals verzonden, %3)</translation>
    </message>
    <message>
        <source>This body is not valid JSON; it is shown as it was sent.</source>
        <translation>Deze body is geen geldige JSON; hij wordt getoond zoals hij is verzonden.</translation>
    </message>
    <message>
        <source>History kept none of this body (%1); send the request again to see it.</source>
        <translation>De geschiedenis heeft niets van deze body (%1) bewaard; verstuur het verzoek opnieuw om hem te zien.</translation>
    </message>
    <message>
        <source>History kept only the first %1 of this body (%2 in all); what is shown here is that part.</source>
        <translation>De geschiedenis heeft alleen de eerste %1 van deze body (%2 in totaal) bewaard; hier staat alleen dat deel.</translation>
    </message>
    <message>
        <source>Save Kept Part…</source>
        <translation>Bewaard deel opslaan…</translation>
    </message>
    <message>
        <source>History kept none of this body: there is nothing to save.</source>
        <translation>De geschiedenis heeft niets van deze body bewaard: er is niets om op te slaan.</translation>
    </message>
    <message>
        <source>Saves only the part of the body that history kept.</source>
        <translation>Slaat alleen het deel van de body op dat de geschiedenis heeft bewaard.</translation>
    </message>
    <message>
        <source>Save the Kept Part of the Response Body</source>
        <translation>Bewaard deel van de antwoordbody opslaan</translation>
    </message>
    <message>
        <source>History cut this body, so it cannot be parsed whole; Pretty indents the part that was kept.</source>
        <translation>De geschiedenis heeft deze body ingekort, dus die kan niet in zijn geheel worden ingelezen; Pretty laat het bewaarde deel ingesprongen zien.</translation>
    </message>
    <message>
        <source>%1 (incomplete)</source>
        <translation>%1 (onvolledig)</translation>
    </message>
    <message>
        <source>%1 (not decompressed)</source>
        <translation>%1 (niet gedecomprimeerd)</translation>
    </message>
    <message>
        <source>%1 (may be damaged)</source>
        <translation>%1 (mogelijk beschadigd)</translation>
    </message>
    <message>
        <source>The server sent no reason phrase (HTTP/2 has none; HTTP/1.1 may leave it empty).</source>
        <translation>De server stuurde geen statustekst mee (HTTP/2 kent die niet; bij HTTP/1.1 mag die leeg zijn).</translation>
    </message>
    <message>
        <source>The server sent no reason phrase (HTTP/2 has none; HTTP/1.1 may leave it empty); “%1” is the standard one for %2.</source>
        <translation>De server stuurde geen statustekst mee (HTTP/2 kent die niet; bij HTTP/1.1 mag die leeg zijn); “%1” is de standaardtekst voor %2.</translation>
    </message>
    <message>
        <source>Saves the body as it was sent, not decompressed.</source>
        <translation>Slaat de body op zoals die is verzonden, niet gedecomprimeerd.</translation>
    </message>
    <message>
        <source>Saves only the part of the body that arrived or could be decompressed; the rest is missing.</source>
        <translation>Slaat alleen het deel van de body op dat is aangekomen of kon worden gedecomprimeerd; de rest ontbreekt.</translation>
    </message>
    <message>
        <source>Saves the decompressed body; it may be damaged.</source>
        <translation>Slaat de gedecomprimeerde body op; die is mogelijk beschadigd.</translation>
    </message>
    <message>
        <source>Saves the response body to a file.</source>
        <translation>Slaat de body van het antwoord op in een bestand.</translation>
    </message>
    <message>
        <source>Saved the body to %1.</source>
        <translation>De body is opgeslagen in %1.</translation>
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
    <name>portico::ui::SendFailureText</name>
    <message>
        <source>it is self-signed</source>
        <translation>het is zelfondertekend</translation>
    </message>
    <message>
        <source>its chain ends in a self-signed certificate that is not trusted</source>
        <translation>de keten eindigt in een zelfondertekend certificaat dat niet wordt vertrouwd</translation>
    </message>
    <message>
        <source>it expired on %1</source>
        <translation>het is verlopen op %1</translation>
    </message>
    <message>
        <source>it is not valid before %1</source>
        <translation>het is niet geldig vóór %1</translation>
    </message>
    <message>
        <source>it is issued to “%1”, not to %2</source>
        <translation>het is uitgegeven aan “%1”, niet aan %2</translation>
    </message>
    <message>
        <source>it is not issued by an authority this system trusts</source>
        <translation>het is niet uitgegeven door een instantie die dit systeem vertrouwt</translation>
    </message>
    <message>
        <source>it has been revoked</source>
        <translation>het is ingetrokken</translation>
    </message>
    <message>
        <source>its signature is not valid</source>
        <translation>de handtekening is niet geldig</translation>
    </message>
    <message>
        <source>it is not meant for a server</source>
        <translation>het is niet bedoeld voor een server</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>de server heeft geen certificaat gestuurd</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing accepts connections on that port. Nothing was sent.</source>
        <translation>Verbinding geweigerd door %1: op die poort neemt niets verbindingen aan. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>The host “%1” was not found: the name does not resolve. Nothing was sent.</source>
        <translation>De host “%1” is niet gevonden: de naam kan niet worden opgezocht. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>Kon binnen %2 s geen verbinding maken met %1.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s.</source>
        <translation>Geen antwoord van %1 binnen %2 s.</translation>
    </message>
    <message>
        <source>No complete answer from %1 within %2 s; the request was stopped.</source>
        <translation>Geen volledig antwoord van %1 binnen %2 s; het verzoek is gestopt.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 heeft de verbinding gesloten voordat er een antwoord kwam.</translation>
    </message>
    <message>
        <source>The network connection to %1 was lost before an answer arrived.</source>
        <translation>De netwerkverbinding met %1 ging verloren voordat er een antwoord kwam.</translation>
    </message>
    <message>
        <source>No secure connection to %1 could be made. Nothing was sent.</source>
        <translation>Er kon geen beveiligde verbinding met %1 worden gemaakt. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>the system does not trust it</source>
        <translation>het systeem vertrouwt het niet</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2. It is not the certificate pinned for this host either. Nothing was sent.</source>
        <translation>Het certificaat van %1 wordt niet vertrouwd: %2. Het is ook niet het certificaat dat voor deze host is vastgepind. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2. Nothing was sent.</source>
        <translation>Het certificaat van %1 wordt niet vertrouwd: %2. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>of this system</source>
        <translation>van dit systeem</translation>
    </message>
    <message>
        <source>The proxy %1 refused the connection.</source>
        <translation>De proxy %1 weigerde de verbinding.</translation>
    </message>
    <message>
        <source>The proxy %1 closed the connection before answering.</source>
        <translation>De proxy %1 heeft de verbinding gesloten voordat er een antwoord kwam.</translation>
    </message>
    <message>
        <source>The proxy %1 was not found.</source>
        <translation>De proxy %1 is niet gevonden.</translation>
    </message>
    <message>
        <source>The proxy %1 did not answer in time.</source>
        <translation>De proxy %1 antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a sign-in that Portico does not have.</source>
        <translation>De proxy %1 vraagt om een aanmelding die Portico niet heeft.</translation>
    </message>
    <message>
        <source>The proxy %1 failed to reach %2.</source>
        <translation>De proxy %1 kon %2 niet bereiken.</translation>
    </message>
    <message>
        <source>You cancelled the request.</source>
        <translation>Je hebt het verzoek geannuleerd.</translation>
    </message>
    <message>
        <source>You cancelled the request after %1 s.</source>
        <translation>Je hebt het verzoek na %1 s geannuleerd.</translation>
    </message>
    <message>
        <source>The response was stopped: its body is larger than the limit of %1.</source>
        <translation>Het antwoord is gestopt: de body is groter dan de limiet van %1.</translation>
    </message>
    <message>
        <source>The response could not be written to a temporary file in %1.</source>
        <translation>Het antwoord kon niet naar een tijdelijk bestand in %1 worden geschreven.</translation>
    </message>
    <message>
        <source>Could not read the key of subscription %1. Nothing was sent.</source>
        <translation>De sleutel van abonnement %1 kon niet worden gelezen. Er is niets verzonden.</translation>
    </message>
    <message>
        <source>The request to %1 failed (network error %2).</source>
        <translation>Het verzoek naar %1 is mislukt (netwerkfout %2).</translation>
    </message>
    <message>
        <source>Certificate issued to “%1” by “%2”, valid from %3 until %4, SHA-256 %5.</source>
        <translation>Certificaat uitgegeven aan “%1” door “%2”, geldig van %3 tot %4, SHA-256 %5.</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technisch detail: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>time-out</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>niet vertrouwd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>The certificate of %1 was accepted because its SHA-256 fingerprint %2 is pinned for this host.</source>
        <translation>Het certificaat van %1 is geaccepteerd omdat de SHA-256-vingerafdruk %2 voor deze host is vastgepind.</translation>
    </message>
    <message>
        <source>The certificate of %1 was accepted because its SHA-256 fingerprint %2 is pinned for this host, although the system does not trust it: %3.</source>
        <translation>Het certificaat van %1 is geaccepteerd omdat de SHA-256-vingerafdruk %2 voor deze host is vastgepind, hoewel het systeem het niet vertrouwt: %3.</translation>
    </message>
</context>
<context>
    <name>portico::ui::ServiceWizard</name>
    <message>
        <source>New service instance</source>
        <translation>Nieuwe service-instantie</translation>
    </message>
    <message>
        <source>For trying things out and development. No uptime guarantee; do not use it for production traffic.</source>
        <translation>Om uit te proberen en voor ontwikkeling. Geen beschikbaarheidsgarantie; niet gebruiken voor productieverkeer.</translation>
    </message>
    <message>
        <source>Pay per call, scales to zero when idle. Starts quickly; some features, such as the built-in cache and the developer portal, are not included.</source>
        <translation>Betalen per aanroep, schaalt naar nul bij inactiviteit. Snel gestart; sommige functies, zoals de ingebouwde cache en de ontwikkelaarsportal, ontbreken.</translation>
    </message>
    <message>
        <source>Entry-level production tier with an uptime guarantee and modest capacity.</source>
        <translation>Instapniveau voor productie met beschikbaarheidsgarantie en bescheiden capaciteit.</translation>
    </message>
    <message>
        <source>Newer entry-level production tier that is created in minutes.</source>
        <translation>Nieuwer instapniveau voor productie dat binnen enkele minuten klaarstaat.</translation>
    </message>
    <message>
        <source>Medium-volume production tier with more capacity and scale-out units.</source>
        <translation>Productieniveau voor middelgrote volumes met meer capaciteit en schaaleenheden.</translation>
    </message>
    <message>
        <source>Newer medium-volume production tier that is created in minutes and can reach private backends.</source>
        <translation>Nieuwer productieniveau voor middelgrote volumes dat binnen enkele minuten klaarstaat en privé-backends kan bereiken.</translation>
    </message>
    <message>
        <source>High-volume and enterprise tier: several regions, availability zones and virtual network isolation.</source>
        <translation>Niveau voor grote volumes en ondernemingen: meerdere regio&apos;s, beschikbaarheidszones en isolatie in een virtueel netwerk.</translation>
    </message>
    <message>
        <source>&amp;Organization name:</source>
        <translation>&amp;Naam organisatie:</translation>
    </message>
    <message>
        <source>Enter the organization name.</source>
        <translation>Vul de naam van de organisatie in.</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Shown to developers in the portal and in notification e-mails.</source>
        <translation>Wordt aan ontwikkelaars getoond in de portal en in meldingsmails.</translation>
    </message>
    <message>
        <source>Administrator &amp;e-mail:</source>
        <translation>&amp;E-mailadres beheerder:</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s e-mail address.</source>
        <translation>Vul het e-mailadres van de beheerder in.</translation>
    </message>
    <message>
        <source>“%1” is not a valid e-mail address (expected name@example.com).</source>
        <translation>“%1” is geen geldig e-mailadres (verwacht: naam@example.com).</translation>
    </message>
    <message>
        <source>Administrator e-mail</source>
        <translation>E-mailadres van beheerder</translation>
    </message>
    <message>
        <source>Where system notifications for this instance are sent.</source>
        <translation>Waar systeemmeldingen voor deze instantie naartoe gaan.</translation>
    </message>
</context>
<context>
    <name>portico::ui::SnippetPanel</name>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>Python (requests)</source>
        <translation>Python (requests)</translation>
    </message>
    <message>
        <source>C# (HttpClient)</source>
        <translation>C# (HttpClient)</translation>
    </message>
    <message>
        <source>JavaScript (fetch)</source>
        <translation>JavaScript (fetch)</translation>
    </message>
    <message>
        <source>.http file</source>
        <translation>.http-bestand</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Ko&amp;piëren</translation>
    </message>
    <message>
        <source>Choose an operation and Try It to get code for its request.</source>
        <translation>Kies een bewerking en Uitproberen om code voor de aanvraag te krijgen.</translation>
    </message>
    <message>
        <source>The key of “%1” is read from the environment variable %2; it is not in the code.</source>
        <translation>De sleutel van “%1” wordt gelezen uit de omgevingsvariabele %2; hij staat niet in de code.</translation>
    </message>
    <message>
        <source>The key of “%1” is read from the environment variable %2; it is not in the code. This subscription cannot call %3: the gateway refuses its key for this API.</source>
        <translation>De sleutel van “%1” wordt gelezen uit de omgevingsvariabele %2; hij staat niet in de code. Dit abonnement kan %3 niet aanroepen: de gateway weigert de sleutel ervan voor deze API.</translation>
    </message>
    <message>
        <source>No code yet: enter a value for the parameter %1.</source>
        <translation>Nog geen code: vul een waarde in voor de parameter %1.</translation>
    </message>
    <message>
        <source>No code yet: the value of the parameter %1 cannot be sent: as a path segment, “.” and “..” are removed from the URL on the way, and the request would reach another path than this operation&apos;s.</source>
        <translation>Nog geen code: de waarde van de parameter %1 kan niet worden verzonden: als padsegment worden “.” en “..” onderweg uit de URL verwijderd, en het verzoek zou een ander pad bereiken dan dat van deze bewerking.</translation>
    </message>
    <message>
        <source>No code yet: the header “%1” cannot be sent: a header name has no colon and a value is one line.</source>
        <translation>Nog geen code: de header “%1” kan niet worden verzonden: een headernaam bevat geen dubbele punt en een waarde is één regel.</translation>
    </message>
    <message>
        <source>No code yet: the gateway URL of this service is not an http or https URL.</source>
        <translation>Nog geen code: de gateway-URL van deze service is geen http- of https-URL.</translation>
    </message>
    <message>
        <source>No code yet: the HTTP method of this operation is not valid.</source>
        <translation>Nog geen code: de HTTP-methode van deze bewerking is ongeldig.</translation>
    </message>
    <message>
        <source>No code yet: the URL template of this operation is not valid. Correct it in the operation&apos;s editor.</source>
        <translation>Nog geen code: het URL-sjabloon van deze bewerking is ongeldig. Corrigeer het in de editor van de bewerking.</translation>
    </message>
    <message>
        <source>No code yet: the resulting URL is not valid. Check the parameter values.</source>
        <translation>Nog geen code: de resulterende URL is ongeldig. Controleer de waarden van de parameters.</translation>
    </message>
    <message>
        <source>No code yet: the request cannot be built from these values.</source>
        <translation>Nog geen code: het verzoek kan met deze waarden niet worden opgebouwd.</translation>
    </message>
</context>
<context>
    <name>portico::ui::StagedDocument</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bewerken</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Terugdraaien</translation>
    </message>
</context>
<context>
    <name>portico::ui::StagedEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>Enter a display name.</source>
        <translation>Vul een weergavenaam in.</translation>
    </message>
    <message>
        <source>Enter an id without spaces or any of * # &amp; + : &lt; &gt; ? / %</source>
        <translation>Vul een id in zonder spaties en zonder * # &amp; + : &lt; &gt; ? / %</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>&amp;Keep server version</source>
        <translation>Serverversie &amp;laden</translation>
    </message>
    <message>
        <source>Ove&amp;rwrite</source>
        <translation>&amp;Overschrijven</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>&amp;Terugdraaien</translation>
    </message>
</context>
<context>
    <name>portico::ui::StatusOperationsWidget</name>
    <message numerus="yes">
        <source>Operations in progress: %n; latest: %1</source>
        <translation>
            <numerusform>Bewerkingen bezig: %n; laatste: %1</numerusform>
            <numerusform>Bewerkingen bezig: %n; laatste: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portico::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Check the settings, then create the instance. Creating one can take a while; you may close this window meanwhile.</source>
        <translation>Controleer de instellingen en maak dan de instantie aan. Aanmaken kan even duren; u kunt dit venster intussen sluiten.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Aanmaken</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Omgeving: %1</translation>
    </message>
    <message>
        <source>Instance name: %1</source>
        <translation>Naam instantie: %1</translation>
    </message>
    <message>
        <source>Subscription: %1</source>
        <translation>Abonnement: %1</translation>
    </message>
    <message>
        <source>Resource group: %1 (new)</source>
        <translation>Resourcegroep: %1 (nieuw)</translation>
    </message>
    <message>
        <source>Resource group: %1</source>
        <translation>Resourcegroep: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Regio: %1</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisatie: %1</translation>
    </message>
    <message>
        <source>Administrator e-mail: %1</source>
        <translation>E-mailadres beheerder: %1</translation>
    </message>
    <message>
        <source>Pricing tier: %1</source>
        <translation>Prijsniveau: %1</translation>
    </message>
</context>
<context>
    <name>portico::ui::TierPage</name>
    <message>
        <source>Pricing tier</source>
        <translation>Prijsniveau</translation>
    </message>
    <message>
        <source>The tier decides capacity, features and cost. It can be changed later for most tiers.</source>
        <translation>Het niveau bepaalt capaciteit, functies en kosten. Bij de meeste niveaus kunt u het later wijzigen.</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Niveau:</translation>
    </message>
</context>
<context>
    <name>portico::ui::TryItComposer</name>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
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
    <message>
        <source>The parameter %1 holds the mask that stands for a secret history does not keep: enter the real value.</source>
        <translation>De parameter %1 bevat het masker dat staat voor een geheim dat de geschiedenis niet bewaart: vul de echte waarde in.</translation>
    </message>
    <message>
        <source>The header %1 holds the mask that stands for a secret history does not keep: enter the real value.</source>
        <translation>De header %1 bevat het masker dat staat voor een geheim dat de geschiedenis niet bewaart: vul de echte waarde in.</translation>
    </message>
    <message>
        <source>The body holds the mask that stands for a secret history does not keep: put the real value back.</source>
        <translation>De body bevat het masker dat staat voor een geheim dat de geschiedenis niet bewaart: zet de echte waarde terug.</translation>
    </message>
    <message>
        <source>Enter again: history does not keep secrets</source>
        <translation>Opnieuw invullen: de geschiedenis bewaart geen geheimen</translation>
    </message>
    <message>
        <source>Enter again as %1 …: history does not keep secrets</source>
        <translation>Opnieuw invullen als %1 …: de geschiedenis bewaart geen geheimen</translation>
    </message>
    <message>
        <source>Header row %1 has a value but no name. Enter the header name.</source>
        <translation>Headerregel %1 heeft een waarde maar geen naam. Vul de naam van de header in.</translation>
    </message>
    <message>
        <source>The header name “%1” ends with a colon. Enter the name without it; the value goes in the Value column.</source>
        <translation>De headernaam “%1” eindigt op een dubbele punt. Vul de naam zonder dubbele punt in; de waarde hoort in de kolom Waarde.</translation>
    </message>
    <message>
        <source>The header name “%1” is not valid: a header name consists of letters, digits and !#$%&amp;&apos;*+-.^_`|~ only, without spaces or colons.</source>
        <translation>De headernaam “%1” is ongeldig: een headernaam bestaat alleen uit letters, cijfers en !#$%&amp;&apos;*+-.^_`|~, zonder spaties of dubbele punten.</translation>
    </message>
    <message>
        <source>The value of header “%1” contains a line break. A header value is one line.</source>
        <translation>De waarde van header “%1” bevat een regeleinde. Een headerwaarde is één regel.</translation>
    </message>
    <message>
        <source>The value of the parameter %1 cannot be used in the URL.</source>
        <translation>De waarde van parameter %1 kan niet in de URL worden gebruikt.</translation>
    </message>
    <message>
        <source>The request cannot be built from these values: the resulting URL is not valid.</source>
        <translation>Het verzoek kan met deze waarden niet worden opgebouwd: de resulterende URL is ongeldig.</translation>
    </message>
    <message>
        <source>Show secrets</source>
        <translation>Geheimen tonen</translation>
    </message>
    <message>
        <source>Show the values of Authorization, key and token headers in the table. The preview, history and code snippets always mask them.</source>
        <translation>De waarden van Authorization-, sleutel- en tokenheaders in de tabel tonen. Het voorbeeld, de geschiedenis en de codefragmenten maskeren ze altijd.</translation>
    </message>
    <message>
        <source>Add Query Parameter</source>
        <translation>Queryparameter toevoegen</translation>
    </message>
    <message>
        <source>Add a query parameter that the operation does not declare, or repeat one</source>
        <translation>Een queryparameter toevoegen die de bewerking niet declareert, of er een herhalen</translation>
    </message>
    <message>
        <source>The added query parameter with the value “%1” has no name. Enter its name.</source>
        <translation>De toegevoegde queryparameter met de waarde “%1” heeft geen naam. Vul de naam in.</translation>
    </message>
    <message>
        <source>The %1 header you entered is sent instead of this subscription&apos;s key.</source>
        <translation>De header %1 die u hebt ingevuld, wordt verzonden in plaats van de sleutel van dit abonnement.</translation>
    </message>
    <message>
        <source>The %1 query parameter you entered is sent instead of this subscription&apos;s key.</source>
        <translation>De queryparameter %1 die u hebt ingevuld, wordt verzonden in plaats van de sleutel van dit abonnement.</translation>
    </message>
    <message>
        <source>The value “%1” of the parameter %2 cannot be sent: as a path segment, “.” and “..” are removed from the URL on the way, and the request would reach another path than this operation&apos;s.</source>
        <translation>De waarde “%1” van de parameter %2 kan niet worden verzonden: als padsegment worden “.” en “..” onderweg uit de URL verwijderd, en het verzoek zou een ander pad bereiken dan dat van deze bewerking.</translation>
    </message>
    <message>
        <source>%1 (cannot call this API)</source>
        <translation>%1 (kan deze API niet aanroepen)</translation>
    </message>
    <message>
        <source>%1 — %2 (cannot call this API)</source>
        <translation>%1 — %2 (kan deze API niet aanroepen)</translation>
    </message>
    <message>
        <source>The product %1 does not include this API: the gateway refuses this subscription&apos;s key for it.</source>
        <translation>Het product %1 bevat deze API niet: de gateway weigert de sleutel van dit abonnement ervoor.</translation>
    </message>
    <message>
        <source>This subscription is for another API: the gateway refuses its key for this one.</source>
        <translation>Dit abonnement is voor een andere API: de gateway weigert de sleutel ervan voor deze API.</translation>
    </message>
    <message>
        <source>The subscription “%1” that this send used no longer exists or is no longer active. No subscription key is sent: choose a subscription to send with a key.</source>
        <translation>Het abonnement “%1” waarmee dit verzoek is verstuurd, bestaat niet meer of is niet meer actief. Er wordt geen abonnementssleutel verstuurd: kies een abonnement om met een sleutel te versturen.</translation>
    </message>
    <message>
        <source>This subscription cannot call %1: the gateway refuses its key for this API.</source>
        <translation>Dit abonnement kan %1 niet aanroepen: de gateway weigert de sleutel ervan voor deze API.</translation>
    </message>
    <message>
        <source>Line %1 of the body holds the mask in place of the AccountKey of a storage connection string: history does not keep it. Enter the account key again before sending.</source>
        <translation>Regel %1 van de body bevat het masker in plaats van de AccountKey van een opslagverbindingsreeks: de geschiedenis bewaart die niet. Vul de accountsleutel opnieuw in voordat u verstuurt.</translation>
    </message>
    <message>
        <source>Line %1 of the body holds the mask in place of the SharedAccessKey of a connection string: history does not keep it. Enter the shared access key again before sending.</source>
        <translation>Regel %1 van de body bevat het masker in plaats van de SharedAccessKey van een verbindingsreeks: de geschiedenis bewaart die niet. Vul de gedeelde toegangssleutel opnieuw in voordat u verstuurt.</translation>
    </message>
    <message>
        <source>Line %1 of the body holds the mask in place of the SharedAccessSignature of a storage connection string: history does not keep it. Enter the SAS token again before sending.</source>
        <translation>Regel %1 van de body bevat het masker in plaats van de SharedAccessSignature van een opslagverbindingsreeks: de geschiedenis bewaart die niet. Vul het SAS-token opnieuw in voordat u verstuurt.</translation>
    </message>
    <message>
        <source>Line %1 of the body holds the mask in place of the signature (sig) of a SAS URL or token: history does not keep it. Enter the SAS again before sending.</source>
        <translation>Regel %1 van de body bevat het masker in plaats van de handtekening (sig) van een SAS-URL of -token: de geschiedenis bewaart die niet. Vul de SAS opnieuw in voordat u verstuurt.</translation>
    </message>
    <message>
        <source>Could not learn which APIs product “%1” includes: its subscriptions are listed as if they could call this API.</source>
        <translation>Kon niet achterhalen welke API’s product “%1” bevat: de abonnementen ervan staan in de lijst alsof ze deze API kunnen aanroepen.</translation>
    </message>
</context>
<context>
    <name>portico::ui::UsageChart</name>
    <message>
        <source>Calls over time</source>
        <translation>Aanroepen in de tijd</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aanroepen</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>portico::ui::UsageDashboard</name>
    <message>
        <source>&lt;b&gt;Usage&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gebruik&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Afgelopen uur</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Afgelopen 24 uur</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Afgelopen 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aanroepen</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Average response time</source>
        <translation>Gemiddelde responstijd</translation>
    </message>
    <message>
        <source>Data transferred</source>
        <translation>Overgedragen gegevens</translation>
    </message>
    <message>
        <source>Refused by the gateway: 401, 403 and 429 (keys, IP filter, rate limits, quotas)</source>
        <translation>Door de gateway geweigerd: 401, 403 en 429 (sleutels, IP-filter, aanroeplimieten, quota)</translation>
    </message>
    <message>
        <source>400 and 5xx responses</source>
        <translation>Antwoorden 400 en 5xx</translation>
    </message>
    <message>
        <source>Responses up to 301, and 304 and 307</source>
        <translation>Antwoorden tot en met 301, en 304 en 307</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Bewerking</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Groeperen op:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Bijgewerkt %1</translation>
    </message>
    <message>
        <source>The usage reports could not be read: %1. The figures shown are from the last successful refresh.</source>
        <translation>De gebruiksrapporten konden niet worden gelezen: %1. De getoonde cijfers zijn van de laatste geslaagde vernieuwing.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <comment>API › operation</comment>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>Fastest – slowest response</source>
        <translation>Snelste – traagste antwoord</translation>
    </message>
    <message>
        <source>Average backend time</source>
        <translation>Gemiddelde backendtijd</translation>
    </message>
    <message>
        <source>The time the backend took to answer; the rest of the response time is spent in the gateway (policies, limits, forwarding)</source>
        <translation>De tijd die de backend nodig had om te antwoorden; de rest van de antwoordtijd zit in de gateway (beleid, limieten, doorsturen)</translation>
    </message>
    <message>
        <source>From the request reaching the gateway to the response leaving it</source>
        <translation>Vanaf het moment dat het verzoek de gateway bereikt tot het antwoord de gateway verlaat</translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation>Snelste</translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>Traagste</translation>
    </message>
    <message>
        <source>%1 – %2 ms</source>
        <comment>fastest – slowest</comment>
        <translation>%1 – %2 ms</translation>
    </message>
    <message>
        <source>No calls reached the gateway of this service in this period. Calls made with Try It, or by any client with a subscription key, show up here.</source>
        <translation>In deze periode heeft geen enkele aanroep de gateway van deze service bereikt. Aanroepen via Uitproberen, of van elke client met een abonnementssleutel, verschijnen hier.</translation>
    </message>
    <message>
        <source>No calls of this choice reached the gateway in this period.</source>
        <translation>In deze periode heeft geen enkele aanroep van deze keuze de gateway bereikt.</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <source>C&amp;alls one by one</source>
        <translation>&amp;Losse aanroepen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporteren…</translation>
    </message>
    <message>
        <source>Save the table below (the summary or the calls one by one) as a CSV file</source>
        <translation>De tabel hieronder (het overzicht of de losse aanroepen) als CSV-bestand opslaan</translation>
    </message>
    <message>
        <source>Average response time (ms)</source>
        <translation>Gemiddelde antwoordtijd (ms)</translation>
    </message>
    <message>
        <source>Fastest (ms)</source>
        <translation>Snelste (ms)</translation>
    </message>
    <message>
        <source>Slowest (ms)</source>
        <translation>Traagste (ms)</translation>
    </message>
    <message>
        <source>Average backend time (ms)</source>
        <translation>Gemiddelde backendtijd (ms)</translation>
    </message>
    <message>
        <source>Data transferred (bytes)</source>
        <translation>Overgedragen gegevens (bytes)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporteren als CSV</translation>
    </message>
    <message>
        <source>calls.csv</source>
        <translation>aanroepen.csv</translation>
    </message>
    <message>
        <source>usage.csv</source>
        <translation>gebruik.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n rij geëxporteerd naar %1.</numerusform>
            <numerusform>%n rijen geëxporteerd naar %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Kon niet exporteren naar %1: %2</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigen bereik…</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Tot &amp;en met:</translation>
    </message>
    <message>
        <source>The range must start before it ends.</source>
        <translation>Het bereik moet beginnen voordat het eindigt.</translation>
    </message>
    <message>
        <source>%1 The figures shown are from the last successful refresh.</source>
        <extracomment>%1 is what failed and the advice to ask for a role (whole sentences).</extracomment>
        <translation>%1 De getoonde cijfers zijn van de laatste geslaagde vernieuwing.</translation>
    </message>
    <message>
        <source>The usage reports could not be read: the signed-in account does not have permission to read the reports of the service “%1” (%2).</source>
        <translation>De gebruiksrapporten konden niet worden gelezen: het aangemelde account heeft geen toestemming om de rapporten van de service “%1” te lezen (%2).</translation>
    </message>
    <message>
        <source>Reading every call of the period for the export to %1…</source>
        <translation>Alle aanroepen van de periode lezen voor de export naar %1…</translation>
    </message>
    <message>
        <source>Could not export to %1: not every call of the period could be read.</source>
        <translation>Kon niet exporteren naar %1: niet alle aanroepen van de periode konden worden gelezen.</translation>
    </message>
    <message>
        <source>Could not export to %1: the APIs could not be read, and without them keys in the calls&apos; URLs could not be hidden. Refresh, then export again.</source>
        <translation>Kon niet exporteren naar %1: de API&apos;s konden niet worden gelezen, en zonder die gegevens kunnen sleutels in de URL&apos;s van de aanroepen niet worden verborgen. Kies Vernieuwen en exporteer daarna opnieuw.</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Va&amp;n:</translation>
    </message>
</context>
<context>
    <name>portico::ui::UsageFilterBox</name>
    <message>
        <source>&amp;Calls of:</source>
        <translation>&amp;Aanroepen van:</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Product %1</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>Abonnement %1</translation>
    </message>
</context>
</TS>
