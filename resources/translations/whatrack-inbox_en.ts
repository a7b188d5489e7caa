<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Autostart</name>
    <message>
        <source>Windows did not let the app change its start-at-login entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet; add WhaTrack Inbox to your login items in the system settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscribing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline (saved data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colon style (org:ID:messages, ticket era)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dot style (org.ID.messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel naming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last publication %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend calls (latest per route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat list data from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started: the app connects after sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retry needed: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the app will not retry on its own. Use Reconnect now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in %1, attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 is running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors (newest first, last %1 kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 times in a row, last %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none since the app started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStatusPresenter</name>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection too slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server asked to reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped answering (no ping).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subscription timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer woke from sleep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session expired or was revoked. Sign in again to get live updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are off. The app will not retry on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know the channel %1 (102 unknown channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the channel %1 (103 permission denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the channel %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline (no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no network. The app reconnects as soon as it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the server, waiting for the channels: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refresh failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the realtime token cannot be renewed; live updates stop when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime may be stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but some updates may have been missed. Resync reloads the chat list, the open conversation and its ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: live updates are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1: live updates are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the live update server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaThumbnail</name>
    <message>
        <source>Loading photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo unavailable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageGlyphs</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>QDate format of a day separator</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack</name>
    <message>
        <source>%1 is not a valid address. Use the form %2://host[:port][/path].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the WhaTrack server address, e.g. https://app.whatrack.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live updates (WebSocket) address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages channel template needs {org} (the organization id), e.g. org:{org}:messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tickets channel template is empty or has a space. Use e.g. org:{org}:tickets, or - to not subscribe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read. Choose a PEM file or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics</name>
    <message>
        <source>Server name not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of %1%2 could not be found: the address is mistyped, or this computer cannot reach its name server (offline, VPN not connected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 for typos; check that this computer is online and, on a company network, that the VPN is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers on that port of %1%2: the server is stopped, or the port in the address is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the port in %1; ask IT whether the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 did not answer in time: a firewall silently dropping the traffic, a very slow network, or an overloaded server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it persists, ask IT whether a firewall or VPN blocks this host and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no route to %1%2: the network is down or not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection (Wi-Fi, cable, VPN), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 closed the connection before answering: often a TLS/plain mismatch (https:// or wss:// to a plain port, http:// or ws:// to a TLS port) or a proxy in between cutting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the scheme in %1 matches the port; ask IT about proxies in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy configured on this computer refused or could not reach %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the proxy settings (system proxy, HTTPS_PROXY) or ask IT to allow this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an authority this computer does not trust (self-signed, or a private company CA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the company CA in the system&apos;s trust store, or give it to the app (CLI: --ca-cert FILE). Never turn certificate checks off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 has expired (or this computer&apos;s clock is far ahead).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time; otherwise IT must renew the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet: this computer&apos;s clock is probably behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on automatic date and time on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate is for another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 was issued for another host name than the one in the address: a mistyped host, an IP address instead of the name, or a proxy answering for another site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the exact host name the certificate names (see its subject) in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: the port may not speak TLS, or the server&apos;s TLS settings are incompatible with this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the scheme in %1 matches the port (https/wss only for TLS ports); otherwise ask IT to check the server&apos;s TLS setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publications stopped arriving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is up but nothing has arrived for a while: the backend may publish to other channel names than the ones subscribed to (org: vs org.), or the backend cannot reach Centrifugo&apos;s API, or Redis between Centrifugo nodes is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the inbox (the app refetches by itself); IT: check the channel templates and the Centrifugo and backend logs for publish and redis errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No publication arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing arrived on the subscribed channels in the time waited: either nothing happened in this organization, or the backend publishes to other channel names or cannot reach Centrifugo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test message to the organization&apos;s WhatsApp number while waiting; IT: check the backend&apos;s publish errors and the channel templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer this app cannot read: a proxy or login page instead of the service, or a server version this app does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 points at the service itself; send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved sign-in is no longer valid (signed out elsewhere, or older than its lifetime).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again with email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a member of this organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user does not belong to the organization asked for (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one of the user&apos;s organizations (CLI: --org), or ask an administrator to add the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s by %1: tokens can look expired or not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on automatic date and time (network time) on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels are not protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo let this user subscribe to another organization&apos;s channel (%1): any signed-in user of any organization can read this organization&apos;s messages. This is the `whatrack` Centrifugo profile, as WhaTrack deploys it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: require subscription tokens (Centrifugo client.subscription_token.enabled, the devstack `secure` profile) and issue them from the backend&apos;s subscription-token route, which checks membership.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was interrupted before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the diagnostics again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed in a way this app does not recognise (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it persists, send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the WhaTrack server&apos;s realtime token route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the WhaTrack server&apos;s subscription-token route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the realtime server (Centrifugo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the WhaTrack server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::Cause</name>
    <message>
        <source>What to do: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::DiagnosticsRunner</name>
    <message>
        <source>WhaTrack server reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime token from the token route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels are protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A publication arrives within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (%2) failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (%2) was skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::detail</name>
    <message>
        <source>the WebSocket URL (--ws-url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backend URL (--backend-url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo reported an internal error (100), often its Redis engine failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app retries by itself; IT: check the Centrifugo logs for redis errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription not authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused to subscribe to %1 (101 unauthorized): the channel needs a subscription token this app did not send or the server rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: check that subscription tokens are enabled on both sides and signed with Centrifugo&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo did not accept the connection token (101 unauthorized): the backend signs tokens with another secret than the one Centrifugo checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: make CENTRIFUGO_TOKEN_HMAC_SECRET_KEY on the backend equal to Centrifugo&apos;s client.token.hmac_secret_key, then restart both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown channel namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo knows no namespace for %1 (102 unknown channel): the channel naming does not match the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s channel naming (org:{org}:messages vs org.{org}.messages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused to subscribe this user to %1 (103): %2 and that this user belongs to the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the channel templates to the server&apos;s naming (org:{org}:messages vs org.{org}.messages); check the organization (--org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo has no handler for a call this app made (104).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo says this connection is on %1 twice (105): a client bug.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect (or restart the app) and report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused because a limit was reached (106): too many channels or connections for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other copies of the app; IT: check Centrifugo&apos;s client limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused a request from this app as malformed (107).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the app; send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo has this feature (history, presence) off for %1 (108).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do for agents; IT: enable it in the namespace if it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The realtime token had already expired when it reached Centrifugo (109): usually this computer&apos;s clock is wrong, or the token lifetime is very short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s date, time and time zone (turn on network time); the app fetches a new token by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo ended the connection because its time was up (110).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects with a new token by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo limits requests from this connection (111).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app retries by itself; close other copies of the app if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo could not replay what was missed on %1 (112 unrecoverable position).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reloads the inbox by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo is still handling another request of this app (113).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app retries by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused with error %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message too big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message over the size limit arrived, so the connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; IT: check what publishes such large messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo is shutting down or restarting (3001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo closed the connection after an internal error (3004).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; IT: check the Centrifugo logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s token ran out and was not refreshed in time (3005).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects with a new token; if it repeats, check the clock and the token route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too slow to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo closed the connection because this computer did not read its messages fast enough (3008).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; close heavy programs or check the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection seen as dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo did not get this app&apos;s answer to its ping in time (3012 no pong): the network dropped packets, or the computer slept or was overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; if it repeats, check unstable Wi-Fi/VPN or a proxy with a short idle timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo closed the connection: this app sent requests faster than allowed (3013).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; close other copies of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo refused the token as invalid (3500): a wrong signing secret, or a token for another user or channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: make the backend&apos;s and Centrifugo&apos;s token secrets equal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo closed the connection after a request it could not read (3501).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection went stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection opened but no connect command arrived in time (3502).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; check the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator or the backend disconnected this user (3503).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again; ask the administrator why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has too many realtime connections open (3504).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other copies of the app or browser tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection asked for more channels than the server allows (3505).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: raise Centrifugo&apos;s client.channel_limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo ended the connection because this user may not use it (3507).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again; check that the user belongs to the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Centrifugo dropped (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app reconnects by itself; if it repeats, check the network and proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo ended the connection and asked not to reconnect (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again; if it repeats, send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo closed the connection (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server removed this connection from %1 (2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the inbox; ask the administrator if access was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription token for %1 ran out (2501).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app subscribes again with a new token by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the subscription to %1 (%2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app subscribes again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the inbox; send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait %1 s, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy in front of Centrifugo answered HTTP %1: Centrifugo is not running, or the proxy cannot reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes (the inbox still works, without live updates). IT: check that the Centrifugo service runs (docker service ls | grep centrifugo), its logs, and the proxy&apos;s route to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realtime server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebSocket address answered HTTP %1: the server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later; IT: check the Centrifugo and proxy logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket refused as a bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the WebSocket upgrade as a bad request: the address is not a WebSocket endpoint, or a proxy strips the Upgrade headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the path of the WebSocket URL (--ws-url, normally ending in /connection/websocket); IT: the proxy must forward Upgrade and Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in front of Centrifugo (a proxy, a firewall, Centrifugo&apos;s origin check) refused the WebSocket connection with HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IT: check the proxy and firewall rules for /connection/websocket and Centrifugo&apos;s allowed_origins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong WebSocket path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing serves WebSocket connections at this path (HTTP 404): the path of the WebSocket URL is wrong, or the proxy does not route it to Centrifugo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the WebSocket URL (--ws-url): Centrifugo&apos;s path is /connection/websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many connection attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proxy in front of Centrifugo limits connection attempts (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a WebSocket endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebSocket URL answered HTTP %1 instead of switching to WebSocket: it points at a web page or another service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the WebSocket URL (--ws-url), e.g. wss://centrifugo.example.com/connection/websocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token route failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server could not make a realtime token (HTTP %1): the backend is failing, CENTRIFUGO_TOKEN_HMAC_SECRET_KEY is not configured on it, or it is down behind its proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later; IT: check the backend&apos;s .env (CENTRIFUGO_TOKEN_HMAC_SECRET_KEY) and logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in for realtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token route answered 401: the session is missing or expired, or (on the WhaTrack server) this user has no access to the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again; check that the user belongs to the organization (--org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend refused a subscription token for %1: the channel is not one of this organization&apos;s channels (check the naming, org: vs org.) or the user is not a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the channel templates and the organization (--org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token route answered 403: no organization was given, or this user is not a member of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one of the user&apos;s organizations (--org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No subscription-token route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend answered 404 for the subscription-token route: this server does not issue subscription tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave subscription tokens off for this server; IT: see the `secure` profile in docs/devstack.md to protect channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token route not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend has no /api/v1/centrifugo/token route (HTTP 404): the backend URL is wrong, or this backend has no realtime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the backend URL (--backend-url, without /api).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many token requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token route is rate limited (a few per minute per user) and was asked too often, perhaps by another copy of the app signed in as this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token route refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token route answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the backend URL and the organization; send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong email or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server refused the email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the email and the password (reset it in the web app if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server refused the sign-in (HTTP 403): the account is blocked, or the server&apos;s origin check refused this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the web app; IT: check the account and the server&apos;s trusted origins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many sign-in attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server limits sign-in attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack server down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy in front of the WhaTrack server answered HTTP %1: the backend is not running or the proxy cannot reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes and try again; IT: check the backend service and its proxy route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server answered HTTP %1: it runs but fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later; IT: check the backend&apos;s logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the WhaTrack API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend URL answered 404 for the API: it points at another site, or has a path too many or too few.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the backend URL (--backend-url): the base address, without /api.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server limits requests (429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirected elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend URL redirects (HTTP %1) to another address; the app does not follow redirects to other servers, so the password and cookie never leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the final address as the backend URL (--backend-url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server says no one is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server refused access (HTTP 403): this user lacks access to the organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WhaTrack server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the backend URL; send the diagnostics report to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the channel naming (org: vs org.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::AppController</name>
    <message>
        <source>Another WhaTrack Inbox is already using this offline cache (%1). Use that window, or close it and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to get live updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live updates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to your WhaTrack server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::CaLoader</name>
    <message>
        <source>The CA certificate file %1 could not be read or holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::DesktopIntegration</name>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::OrganizationFlow</name>
    <message>
        <source>No organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not a member of any WhaTrack organization.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::SignInFlow</name>
    <message>
        <source>The environment variable %1 holds no password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::TlsProblemNotifier</name>
    <message>
        <source>Secure connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed and was not used:

%2

The app never ignores certificate errors. If your company uses its own certificate authority, start the app with --ca-cert FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::MediaFetcher</name>
    <message>
        <source>The file is larger than %1 MB, so it was not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer has this file (it may have expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not open this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session expired; sign in again to see this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached; the file will load when the connection is back (reopen the chat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent the file from another address, which the inbox does not follow; check the backend URL in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not send this file (%1); try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image has no address on your WhaTrack server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no address on your WhaTrack server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an empty file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent something that is not an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large to show (%1 x %2 pixels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ChatListDelegate</name>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ChatListPane</name>
    <message>
        <source>Search name or phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chats yet. New WhatsApp conversations appear here as they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chats match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConnectionDetailsDialog</name>
    <message>
        <source>Run diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every step of the connection and explain what fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the chat list, the open conversation and its ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the wait and reconnect to the live update server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a report for support. Tokens, cookies and messages are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the same report to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics are not available in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: the checks use this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run at %1. Run again after changing something.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the WhaTrack server, sign-in, token, realtime server and channels, in order. Takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConnectionMonitor</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConversationView</name>
    <message>
        <source>Loading older messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages in this conversation yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View-only: reply from the WhatsApp phone app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack has no send-message route: messages are sent from the WhatsApp app on the business phone and appear here as they go out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a conversation to read it.

Ctrl+F searches, Ctrl+K goes to a chat, Alt+Up and Alt+Down move between chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest (%1) ↓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::DBusNotifications</name>
    <message>
        <source>Open chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::DiagnosticsStepsView</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the checks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run diagnostics checks each step of the connection, from the WhaTrack server to the live update channels, and says what to do when one fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check passed. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 failed. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed, %2 warning(s), %3 failed, %4 skipped, in %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 failed: %2
%3
What to do: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token user (sub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ping every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::KeychainNotice</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this notice. You stay signed in until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MainWindow</name>
    <message>
        <source>&amp;Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;organization…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;WhaTrack Inbox&lt;/b&gt; %1&lt;br&gt;A desktop inbox for WhaTrack support agents.&lt;br&gt;Qt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MediaActions</name>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of file (%1) is not opened from the inbox, to keep your computer safe. Use Save as… and open it only if you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private temporary folder could be created (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application opens this kind of file (%1); use Save as….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved to %1 (%2). Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MessageDelegate</name>
    <message>
        <source>1 new message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live update, confirming with the server…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::Money</name>
    <message>
        <source>Type the amount in reais, for example 1500,50 or 1.500,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deal value cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an amount. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has more than one decimal separator. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is ambiguous: thousands or cents? Type %2 without the separator, or put a comma before the cents, as in 1500,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has more than two digits for the cents. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has the thousands separator in the wrong place. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deal value is too large (at most R$ %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MoneyEdit</name>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::Notifier</name>
    <message>
        <source>A new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1 customers</source>
        <translation>
            <numerusform>%n new message from %1 customers</numerusform>
            <numerusform>%n new messages from %1 customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::OrganizationDialog</name>
    <message>
        <source>Choose an organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which inbox do you want to open?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::PreferencesDialog</name>
    <message>
        <source>Same server (/connection/websocket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification for new customer messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb (hold notifications and sounds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start WhaTrack Inbox when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the server signs you in to that server and reconnects live updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::QuickSwitcher</name>
    <message>
        <source>Quick switcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to chat: name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::SignInDialog</name>
    <message>
        <source>Sign in to WhaTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::StaleBanner</name>
    <message>
        <source>Resync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the chat list, the open conversation and its ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing saved data — not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing saved data from %1 — not live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::StatusPill</name>
    <message>
        <source>Click for connection details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::TicketPanel</name>
    <message>
        <source>Click-to-WhatsApp ad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the ticket as won (a sale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the ticket as lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open ticket.

A new ticket opens when the customer sends a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed as won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first reply in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open · %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: only template messages can be sent until the customer writes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close as won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this ticket as won?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this ticket as lost?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::TrayIcon</name>
    <message>
        <source>&amp;Open WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>WhaTrack Inbox: %n unread</source>
        <translation>
            <numerusform>WhaTrack Inbox: %n unread</numerusform>
            <numerusform>WhaTrack Inbox: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>WhaTrack Inbox is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages still notify you. To quit, use Quit in this icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>WhaTrack Inbox: the desktop inbox for WhaTrack agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhaTrack backend base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centrifugo WebSocket URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra trusted CA certificate (PEM) for REST and WSS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with this email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the password from this environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this organization&apos;s inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages channel template, {org} = organization id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets channel template (&apos;&apos; to not subscribe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before the screenshot (default 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to capture: window (default), details, or diagnostics (the details after a diagnostics run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file of the offline cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat to open at start: an id, or &apos;first&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend URL (--backend-url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebSocket URL (--ws-url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-after-ms needs a number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-target is window, details or diagnostics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages channel template needs {org}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window: en or pt_BR (default: Preferences, then the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
