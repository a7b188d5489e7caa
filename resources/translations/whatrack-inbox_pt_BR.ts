<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Autostart</name>
    <message>
        <source>Windows did not let the app change its start-at-login entry.</source>
        <translation>O Windows não permitiu que o app alterasse a entrada de iniciar com o sistema.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>Não foi possível remover %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet; add WhaTrack Inbox to your login items in the system settings.</source>
        <translation>Iniciar com o sistema ainda não está disponível aqui; adicione o WhaTrack Inbox aos itens de inicialização nas configurações do sistema.</translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>(not set)</source>
        <translation>(não definido)</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fechado</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>inscrição cancelada</translation>
    </message>
    <message>
        <source>subscribing</source>
        <translation>inscrevendo</translation>
    </message>
    <message>
        <source>subscribed</source>
        <translation>inscrito</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>ainda não carregado</translation>
    </message>
    <message>
        <source>live</source>
        <translation>ao vivo</translation>
    </message>
    <message>
        <source>refreshing</source>
        <translation>atualizando</translation>
    </message>
    <message>
        <source>may be stale</source>
        <translation>pode estar desatualizado</translation>
    </message>
    <message>
        <source>offline (saved data)</source>
        <translation>offline (dados salvos)</translation>
    </message>
    <message>
        <source>colon style (org:ID:messages, ticket era)</source>
        <translation>estilo com dois-pontos (org:ID:messages, era dos tickets)</translation>
    </message>
    <message>
        <source>dot style (org.ID.messages)</source>
        <translation>estilo com ponto (org.ID.messages)</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personalizado</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Servidores</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Channel naming</source>
        <translation>Nomes dos canais</translation>
    </message>
    <message>
        <source>Realtime connection</source>
        <translation>Conexão em tempo real</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Client state</source>
        <translation>Estado do cliente</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Conectado desde</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>Versão do servidor</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>Last connecting</source>
        <translation>Última tentativa de conexão</translation>
    </message>
    <message>
        <source>Last disconnected</source>
        <translation>Última desconexão</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último erro</translation>
    </message>
    <message>
        <source>Reconnect attempt</source>
        <translation>Tentativa de reconexão</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Próxima tentativa</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>acessível</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>sem rede</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Inscrições</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>last publication %1</source>
        <translation>última publicação %1</translation>
    </message>
    <message>
        <source>1 publication</source>
        <translation>1 publicação</translation>
    </message>
    <message>
        <source>%1 publications</source>
        <translation>%1 publicações</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canais</translation>
    </message>
    <message>
        <source>Connection token</source>
        <translation>Token de conexão</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>expira em %1</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirado</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Validade</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>ainda não obtido</translation>
    </message>
    <message>
        <source>failed — %1</source>
        <translation>falhou — %1</translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation>Última obtenção</translation>
    </message>
    <message>
        <source>Backend calls (latest per route)</source>
        <translation>Chamadas ao backend (a mais recente por rota)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>O que fazer: %1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>nenhuma ainda</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Atualidade</translation>
    </message>
    <message>
        <source>Chat list data from</source>
        <translation>Dados da lista de conversas de</translation>
    </message>
    <message>
        <source>Not started: the app connects after sign-in</source>
        <translation>Não iniciado: o app conecta depois do login</translation>
    </message>
    <message>
        <source>No retry needed: connected</source>
        <translation>Nenhuma nova tentativa necessária: conectado</translation>
    </message>
    <message>
        <source>None: the app will not retry on its own. Use Reconnect now.</source>
        <translation>Nenhuma: o app não tentará de novo sozinho. Use Reconectar agora.</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>Ainda não iniciado</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Retrying in %1, attempt %2</source>
        <translation>Nova tentativa em %1, tentativa %2</translation>
    </message>
    <message>
        <source>Retrying in %1</source>
        <translation>Nova tentativa em %1</translation>
    </message>
    <message>
        <source>Attempt %1 is running now</source>
        <translation>A tentativa %1 está em andamento</translation>
    </message>
    <message>
        <source>Connecting now</source>
        <translation>Conectando agora</translation>
    </message>
    <message>
        <source>Recent errors (newest first, last %1 kept)</source>
        <translation>Erros recentes (mais novos primeiro, últimos %1 guardados)</translation>
    </message>
    <message>
        <source>%1 times in a row, last %2</source>
        <translation>%1 vezes seguidas, a última %2</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erros</translation>
    </message>
    <message>
        <source>none since the app started</source>
        <translation>nenhum desde que o app foi aberto</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusPresenter</name>
    <message>
        <source>What to do: %1</source>
        <translation>O que fazer: %1</translation>
    </message>
    <message>
        <source>internal server error</source>
        <translation>erro interno do servidor</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>não autorizado</translation>
    </message>
    <message>
        <source>unknown channel</source>
        <translation>canal desconhecido</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permissão negada</translation>
    </message>
    <message>
        <source>token expired</source>
        <translation>token expirado</translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation>requisições demais</translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation>conexão encerrada pelo servidor</translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation>servidor desligando</translation>
    </message>
    <message>
        <source>connection expired</source>
        <translation>conexão expirada</translation>
    </message>
    <message>
        <source>connection too slow</source>
        <translation>conexão lenta demais</translation>
    </message>
    <message>
        <source>server asked to reconnect</source>
        <translation>o servidor pediu para reconectar</translation>
    </message>
    <message>
        <source>no pong</source>
        <translation>sem pong</translation>
    </message>
    <message>
        <source>invalid token</source>
        <translation>token inválido</translation>
    </message>
    <message>
        <source>bad request</source>
        <translation>requisição inválida</translation>
    </message>
    <message>
        <source>disconnected by the server</source>
        <translation>desconectado pelo servidor</translation>
    </message>
    <message>
        <source>connection limit reached</source>
        <translation>limite de conexões atingido</translation>
    </message>
    <message>
        <source>application code %1</source>
        <translation>código da aplicação %1</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>código %1</translation>
    </message>
    <message>
        <source>Starting the connection.</source>
        <translation>Iniciando a conexão.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>A conexão caiu.</translation>
    </message>
    <message>
        <source>The server stopped answering (no ping).</source>
        <translation>O servidor parou de responder (sem ping).</translation>
    </message>
    <message>
        <source>A subscription timed out.</source>
        <translation>Uma inscrição expirou sem resposta.</translation>
    </message>
    <message>
        <source>The network changed.</source>
        <translation>A rede mudou.</translation>
    </message>
    <message>
        <source>The computer woke from sleep.</source>
        <translation>O computador saiu do modo de suspensão.</translation>
    </message>
    <message>
        <source>Reconnect requested.</source>
        <translation>Reconexão solicitada.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sessão encerrada</translation>
    </message>
    <message>
        <source>Your session expired or was revoked. Sign in again to get live updates.</source>
        <translation>Sua sessão expirou ou foi revogada. Entre de novo para receber atualizações ao vivo.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Live updates are off. The app will not retry on its own.</source>
        <translation>As atualizações ao vivo estão desligadas. O app não tentará de novo sozinho.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Channel error</source>
        <translation>Erro no canal</translation>
    </message>
    <message>
        <source>The server does not know the channel %1 (102 unknown channel).</source>
        <translation>O servidor não conhece o canal %1 (102 canal desconhecido).</translation>
    </message>
    <message>
        <source>The server refused the channel %1 (103 permission denied).</source>
        <translation>O servidor recusou o canal %1 (103 permissão negada).</translation>
    </message>
    <message>
        <source>The server refused the channel %1 (%2).</source>
        <translation>O servidor recusou o canal %1 (%2).</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Offline (no network)</source>
        <translation>Offline (sem rede)</translation>
    </message>
    <message>
        <source>This computer has no network. The app reconnects as soon as it is back.</source>
        <translation>Este computador está sem rede. O app reconecta assim que ela voltar.</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected to the server, waiting for the channels: %1.</source>
        <translation>Conectado ao servidor, aguardando os canais: %1.</translation>
    </message>
    <message>
        <source>Token refresh failing</source>
        <translation>Falha ao renovar o token</translation>
    </message>
    <message>
        <source>Connected, but the realtime token cannot be renewed; live updates stop when it expires.</source>
        <translation>Conectado, mas o token de tempo real não pode ser renovado; as atualizações ao vivo param quando ele expirar.</translation>
    </message>
    <message>
        <source>Realtime may be stale</source>
        <translation>Tempo real pode estar desatualizado</translation>
    </message>
    <message>
        <source>Connected, but some updates may have been missed. Resync reloads the chat list, the open conversation and its ticket.</source>
        <translation>Conectado, mas algumas atualizações podem ter se perdido. Ressincronizar recarrega a lista de conversas, a conversa aberta e o ticket dela.</translation>
    </message>
    <message>
        <source>Resync</source>
        <translation>Ressincronizar</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connected: live updates are on.</source>
        <translation>Conectado: atualizações ao vivo ativas.</translation>
    </message>
    <message>
        <source>Connected to %1: live updates are on.</source>
        <translation>Conectado a %1: atualizações ao vivo ativas.</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Reconectando em %1 s</translation>
    </message>
    <message>
        <source>Connecting to the live update server.</source>
        <translation>Conectando ao servidor de atualizações ao vivo.</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>Tentativa %1</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignorado</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
</context>
<context>
    <name>MediaThumbnail</name>
    <message>
        <source>Loading photo…</source>
        <translation>Carregando foto…</translation>
    </message>
    <message>
        <source>Photo unavailable</source>
        <translation>Foto indisponível</translation>
    </message>
</context>
<context>
    <name>MessageGlyphs</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Mensagem de voz</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Figurinha</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Contato</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anexo</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>agora mesmo</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>em %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>há %1</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>QDate format of a day separator</comment>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
</context>
<context>
    <name>WhaTrack</name>
    <message>
        <source>%1 is not a valid address. Use the form %2://host[:port][/path].</source>
        <translation>%1 não é um endereço válido. Use o formato %2://servidor[:porta][/caminho].</translation>
    </message>
    <message>
        <source>Enter the WhaTrack server address, e.g. https://app.whatrack.com.</source>
        <translation>Informe o endereço do servidor WhaTrack, por exemplo https://app.whatrack.com.</translation>
    </message>
    <message>
        <source>The server address</source>
        <translation>O endereço do servidor</translation>
    </message>
    <message>
        <source>The live updates (WebSocket) address</source>
        <translation>O endereço das atualizações ao vivo (WebSocket)</translation>
    </message>
    <message>
        <source>The messages channel template needs {org} (the organization id), e.g. org:{org}:messages.</source>
        <translation>O modelo do canal de mensagens precisa de {org} (o id da organização), por exemplo org:{org}:messages.</translation>
    </message>
    <message>
        <source>The tickets channel template is empty or has a space. Use e.g. org:{org}:tickets, or - to not subscribe.</source>
        <translation>O modelo do canal de tickets está vazio ou tem um espaço. Use, por exemplo, org:{org}:tickets, ou - para não se inscrever.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read. Choose a PEM file or clear the field.</source>
        <translation>Não foi possível ler o arquivo do certificado de CA. Escolha um arquivo PEM ou deixe o campo vazio.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics</name>
    <message>
        <source>Server name not found</source>
        <translation>Nome do servidor não encontrado</translation>
    </message>
    <message>
        <source>The name of %1%2 could not be found: the address is mistyped, or this computer cannot reach its name server (offline, VPN not connected).</source>
        <translation>O nome de %1%2 não foi encontrado: o endereço está digitado errado, ou este computador não alcança o servidor de nomes (offline, VPN desconectada).</translation>
    </message>
    <message>
        <source>Check %1 for typos; check that this computer is online and, on a company network, that the VPN is connected.</source>
        <translation>Confira se há erros de digitação em %1; verifique se este computador está on-line e, na rede da empresa, se a VPN está conectada.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexão recusada</translation>
    </message>
    <message>
        <source>Nothing answers on that port of %1%2: the server is stopped, or the port in the address is wrong.</source>
        <translation>Nada responde nessa porta de %1%2: o servidor está parado, ou a porta no endereço está errada.</translation>
    </message>
    <message>
        <source>Check the port in %1; ask IT whether the server is running.</source>
        <translation>Confira a porta em %1; pergunte à TI se o servidor está no ar.</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Sem resposta a tempo</translation>
    </message>
    <message>
        <source>%1%2 did not answer in time: a firewall silently dropping the traffic, a very slow network, or an overloaded server.</source>
        <translation>%1%2 não respondeu a tempo: um firewall descartando o tráfego em silêncio, uma rede muito lenta ou um servidor sobrecarregado.</translation>
    </message>
    <message>
        <source>Try again; if it persists, ask IT whether a firewall or VPN blocks this host and port.</source>
        <translation>Tente de novo; se persistir, pergunte à TI se um firewall ou a VPN bloqueia este servidor e porta.</translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation>Rede inacessível</translation>
    </message>
    <message>
        <source>This computer has no route to %1%2: the network is down or not connected.</source>
        <translation>Este computador não tem rota até %1%2: a rede caiu ou não está conectada.</translation>
    </message>
    <message>
        <source>Check the network connection (Wi-Fi, cable, VPN), then try again.</source>
        <translation>Verifique a conexão de rede (Wi-Fi, cabo, VPN) e tente de novo.</translation>
    </message>
    <message>
        <source>Connection closed early</source>
        <translation>Conexão encerrada cedo</translation>
    </message>
    <message>
        <source>%1%2 closed the connection before answering: often a TLS/plain mismatch (https:// or wss:// to a plain port, http:// or ws:// to a TLS port) or a proxy in between cutting it.</source>
        <translation>%1%2 encerrou a conexão antes de responder: muitas vezes é TLS numa porta sem TLS ou o contrário (https:// ou wss:// numa porta comum, http:// ou ws:// numa porta TLS), ou um proxy no meio cortando a conexão.</translation>
    </message>
    <message>
        <source>Check that the scheme in %1 matches the port; ask IT about proxies in between.</source>
        <translation>Confira se o esquema em %1 combina com a porta; pergunte à TI sobre proxies no caminho.</translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <translation>Problema no proxy</translation>
    </message>
    <message>
        <source>The proxy configured on this computer refused or could not reach %1%2.</source>
        <translation>O proxy configurado neste computador recusou ou não conseguiu alcançar %1%2.</translation>
    </message>
    <message>
        <source>Check the proxy settings (system proxy, HTTPS_PROXY) or ask IT to allow this host.</source>
        <translation>Confira as configurações de proxy (proxy do sistema, HTTPS_PROXY) ou peça à TI para liberar este servidor.</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificado não confiável</translation>
    </message>
    <message>
        <source>The certificate of %1 is signed by an authority this computer does not trust (self-signed, or a private company CA).</source>
        <translation>O certificado de %1 foi assinado por uma autoridade em que este computador não confia (autoassinado, ou uma CA privada da empresa).</translation>
    </message>
    <message>
        <source>Install the company CA in the system&apos;s trust store, or give it to the app (CLI: --ca-cert FILE). Never turn certificate checks off.</source>
        <translation>Instale a CA da empresa no repositório de confiança do sistema, ou informe-a ao app (CLI: --ca-cert ARQUIVO). Nunca desligue a verificação de certificados.</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>Certificado expirado</translation>
    </message>
    <message>
        <source>The certificate of %1 has expired (or this computer&apos;s clock is far ahead).</source>
        <translation>O certificado de %1 expirou (ou o relógio deste computador está muito adiantado).</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time; otherwise IT must renew the server&apos;s certificate.</source>
        <translation>Confira a data e a hora deste computador; caso estejam certas, a TI precisa renovar o certificado do servidor.</translation>
    </message>
    <message>
        <source>Certificate not valid yet</source>
        <translation>Certificado ainda não válido</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid yet: this computer&apos;s clock is probably behind.</source>
        <translation>O certificado de %1 ainda não é válido: o relógio deste computador provavelmente está atrasado.</translation>
    </message>
    <message>
        <source>Turn on automatic date and time on this computer.</source>
        <translation>Ative data e hora automáticas neste computador.</translation>
    </message>
    <message>
        <source>Certificate is for another host</source>
        <translation>Certificado de outro servidor</translation>
    </message>
    <message>
        <source>The certificate of %1 was issued for another host name than the one in the address: a mistyped host, an IP address instead of the name, or a proxy answering for another site.</source>
        <translation>O certificado de %1 foi emitido para um nome de servidor diferente do que está no endereço: um nome digitado errado, um endereço IP no lugar do nome, ou um proxy respondendo por outro site.</translation>
    </message>
    <message>
        <source>Use the exact host name the certificate names (see its subject) in %1.</source>
        <translation>Use em %1 exatamente o nome de servidor que o certificado indica (veja o assunto dele).</translation>
    </message>
    <message>
        <source>Secure connection failed</source>
        <translation>Falha na conexão segura</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: the port may not speak TLS, or the server&apos;s TLS settings are incompatible with this computer.</source>
        <translation>O handshake TLS com %1 falhou: a porta pode não usar TLS, ou as configurações de TLS do servidor são incompatíveis com este computador.</translation>
    </message>
    <message>
        <source>Check that the scheme in %1 matches the port (https/wss only for TLS ports); otherwise ask IT to check the server&apos;s TLS setup.</source>
        <translation>Confira se o esquema em %1 combina com a porta (https/wss só em portas TLS); se combinar, peça à TI para verificar o TLS do servidor.</translation>
    </message>
    <message>
        <source>Publications stopped arriving</source>
        <translation>As publicações pararam de chegar</translation>
    </message>
    <message>
        <source>The connection is up but nothing has arrived for a while: the backend may publish to other channel names than the ones subscribed to (org: vs org.), or the backend cannot reach Centrifugo&apos;s API, or Redis between Centrifugo nodes is broken.</source>
        <translation>A conexão está ativa, mas nada chega há algum tempo: o backend pode estar publicando em canais com outros nomes (org: vs org.), ou não alcança a API do Centrifugo, ou o Redis entre os nós do Centrifugo está com problema.</translation>
    </message>
    <message>
        <source>Reload the inbox (the app refetches by itself); IT: check the channel templates and the Centrifugo and backend logs for publish and redis errors.</source>
        <translation>Recarregue a caixa de entrada (o app busca os dados de novo sozinho); TI: confira os modelos de canal e os logs do Centrifugo e do backend em busca de erros de publicação e de Redis.</translation>
    </message>
    <message>
        <source>No publication arrived</source>
        <translation>Nenhuma publicação chegou</translation>
    </message>
    <message>
        <source>Nothing arrived on the subscribed channels in the time waited: either nothing happened in this organization, or the backend publishes to other channel names or cannot reach Centrifugo.</source>
        <translation>Nada chegou nos canais inscritos durante a espera: ou nada aconteceu nesta organização, ou o backend publica em canais com outros nomes ou não alcança o Centrifugo.</translation>
    </message>
    <message>
        <source>Send a test message to the organization&apos;s WhatsApp number while waiting; IT: check the backend&apos;s publish errors and the channel templates.</source>
        <translation>Envie uma mensagem de teste para o número de WhatsApp da organização durante a espera; TI: confira os erros de publicação do backend e os modelos de canal.</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>Resposta ilegível</translation>
    </message>
    <message>
        <source>%1 sent an answer this app cannot read: a proxy or login page instead of the service, or a server version this app does not know.</source>
        <translation>%1 enviou uma resposta que este app não consegue ler: um proxy ou página de login no lugar do serviço, ou uma versão de servidor que este app não conhece.</translation>
    </message>
    <message>
        <source>Check that %1 points at the service itself; send the diagnostics report to IT.</source>
        <translation>Confira se %1 aponta para o próprio serviço; envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sessão expirada</translation>
    </message>
    <message>
        <source>The saved sign-in is no longer valid (signed out elsewhere, or older than its lifetime).</source>
        <translation>O login salvo não é mais válido (sessão encerrada em outro lugar, ou mais antiga que o prazo de validade).</translation>
    </message>
    <message>
        <source>Sign in again with email and password.</source>
        <translation>Entre de novo com e-mail e senha.</translation>
    </message>
    <message>
        <source>Not a member of this organization</source>
        <translation>Não é membro desta organização</translation>
    </message>
    <message>
        <source>This user does not belong to the organization asked for (%1).</source>
        <translation>Este usuário não pertence à organização solicitada (%1).</translation>
    </message>
    <message>
        <source>Pick one of the user&apos;s organizations (CLI: --org), or ask an administrator to add the user.</source>
        <translation>Escolha uma das organizações do usuário (CLI: --org), ou peça a um administrador para adicionar o usuário.</translation>
    </message>
    <message>
        <source>Clock is off</source>
        <translation>Relógio fora de hora</translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s by %1: tokens can look expired or not valid yet.</source>
        <translation>O relógio deste computador difere do servidor em %1: os tokens podem parecer expirados ou ainda não válidos.</translation>
    </message>
    <message>
        <source>Turn on automatic date and time (network time) on this computer.</source>
        <translation>Ative data e hora automáticas (hora da rede) neste computador.</translation>
    </message>
    <message>
        <source>Channels are not protected</source>
        <translation>Os canais não estão protegidos</translation>
    </message>
    <message>
        <source>Centrifugo let this user subscribe to another organization&apos;s channel (%1): any signed-in user of any organization can read this organization&apos;s messages. This is the `whatrack` Centrifugo profile, as WhaTrack deploys it.</source>
        <translation>O Centrifugo deixou este usuário se inscrever no canal de outra organização (%1): qualquer usuário conectado de qualquer organização pode ler as mensagens desta organização. Este é o perfil `whatrack` do Centrifugo, como a WhaTrack o implanta.</translation>
    </message>
    <message>
        <source>IT: require subscription tokens (Centrifugo client.subscription_token.enabled, the devstack `secure` profile) and issue them from the backend&apos;s subscription-token route, which checks membership.</source>
        <translation>TI: exija tokens de inscrição (client.subscription_token.enabled no Centrifugo, o perfil `secure` do devstack) e emita-os pela rota subscription-token do backend, que verifica a participação na organização.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Interrompido</translation>
    </message>
    <message>
        <source>The check was interrupted before it finished.</source>
        <translation>A verificação foi interrompida antes de terminar.</translation>
    </message>
    <message>
        <source>Run the diagnostics again.</source>
        <translation>Execute o diagnóstico de novo.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <source>%1 failed in a way this app does not recognise (%2).</source>
        <translation>%1 falhou de um jeito que este app não reconhece (%2).</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sem detalhes</translation>
    </message>
    <message>
        <source>Try again; if it persists, send the diagnostics report to IT.</source>
        <translation>Tente de novo; se persistir, envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>the WhaTrack server&apos;s realtime token route</source>
        <translation>a rota de token de tempo real do servidor WhaTrack</translation>
    </message>
    <message>
        <source>the WhaTrack server&apos;s subscription-token route</source>
        <translation>a rota de token de inscrição do servidor WhaTrack</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>o servidor</translation>
    </message>
    <message>
        <source>the realtime server (Centrifugo)</source>
        <translation>o servidor de tempo real (Centrifugo)</translation>
    </message>
    <message>
        <source>the WhaTrack server</source>
        <translation>o servidor WhaTrack</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::Cause</name>
    <message>
        <source>What to do: </source>
        <translation>O que fazer: </translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::DiagnosticsRunner</name>
    <message>
        <source>WhaTrack server reachable</source>
        <translation>Servidor WhaTrack acessível</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Login feito</translation>
    </message>
    <message>
        <source>Realtime token from the token route</source>
        <translation>Token de tempo real pela rota de token</translation>
    </message>
    <message>
        <source>Realtime server reachable</source>
        <translation>Servidor de tempo real acessível</translation>
    </message>
    <message>
        <source>WebSocket upgrade</source>
        <translation>Upgrade para WebSocket</translation>
    </message>
    <message>
        <source>Centrifugo connect</source>
        <translation>Conexão com o Centrifugo</translation>
    </message>
    <message>
        <source>Subscribe to %1</source>
        <translation>Inscrição em %1</translation>
    </message>
    <message>
        <source>Channels are protected</source>
        <translation>Os canais estão protegidos</translation>
    </message>
    <message>
        <source>A publication arrives within %1 s</source>
        <translation>Uma publicação chega em até %1 s</translation>
    </message>
    <message>
        <source>step %1 (%2) failed</source>
        <translation>a etapa %1 (%2) falhou</translation>
    </message>
    <message>
        <source>step %1 (%2) was skipped</source>
        <translation>a etapa %1 (%2) foi ignorada</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Diagnostics::detail</name>
    <message>
        <source>the WebSocket URL (--ws-url)</source>
        <translation>o endereço WebSocket (--ws-url)</translation>
    </message>
    <message>
        <source>the backend URL (--backend-url)</source>
        <translation>o endereço do backend (--backend-url)</translation>
    </message>
    <message>
        <source>the channel</source>
        <translation>o canal</translation>
    </message>
    <message>
        <source>Realtime server internal error</source>
        <translation>Erro interno do servidor de tempo real</translation>
    </message>
    <message>
        <source>Centrifugo reported an internal error (100), often its Redis engine failing.</source>
        <translation>O Centrifugo relatou um erro interno (100), geralmente uma falha no Redis que ele usa.</translation>
    </message>
    <message>
        <source>The app retries by itself; IT: check the Centrifugo logs for redis errors.</source>
        <translation>O app tenta de novo sozinho; TI: procure erros de redis nos logs do Centrifugo.</translation>
    </message>
    <message>
        <source>Subscription not authorized</source>
        <translation>Inscrição não autorizada</translation>
    </message>
    <message>
        <source>Centrifugo refused to subscribe to %1 (101 unauthorized): the channel needs a subscription token this app did not send or the server rejected.</source>
        <translation>O Centrifugo recusou a inscrição em %1 (101 não autorizado): o canal exige um token de inscrição que este app não enviou ou que o servidor rejeitou.</translation>
    </message>
    <message>
        <source>IT: check that subscription tokens are enabled on both sides and signed with Centrifugo&apos;s key.</source>
        <translation>TI: confira se os tokens de inscrição estão ativados dos dois lados e assinados com a chave do Centrifugo.</translation>
    </message>
    <message>
        <source>Connection token refused</source>
        <translation>Token de conexão recusado</translation>
    </message>
    <message>
        <source>Centrifugo did not accept the connection token (101 unauthorized): the backend signs tokens with another secret than the one Centrifugo checks.</source>
        <translation>O Centrifugo não aceitou o token de conexão (101 não autorizado): o backend assina os tokens com um segredo diferente do que o Centrifugo verifica.</translation>
    </message>
    <message>
        <source>IT: make CENTRIFUGO_TOKEN_HMAC_SECRET_KEY on the backend equal to Centrifugo&apos;s client.token.hmac_secret_key, then restart both.</source>
        <translation>TI: deixe CENTRIFUGO_TOKEN_HMAC_SECRET_KEY no backend igual ao client.token.hmac_secret_key do Centrifugo e reinicie os dois.</translation>
    </message>
    <message>
        <source>Unknown channel namespace</source>
        <translation>Namespace de canal desconhecido</translation>
    </message>
    <message>
        <source>Centrifugo knows no namespace for %1 (102 unknown channel): the channel naming does not match the server&apos;s.</source>
        <translation>O Centrifugo não tem namespace para %1 (102 canal desconhecido): o padrão de nomes dos canais não é o do servidor.</translation>
    </message>
    <message>
        <source>Use the server&apos;s channel naming (org:{org}:messages vs org.{org}.messages).</source>
        <translation>Use o padrão de nomes de canal do servidor (org:{org}:messages ou org.{org}.messages).</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <source>Centrifugo refused to subscribe this user to %1 (103): %2 and that this user belongs to the organization.</source>
        <translation>O Centrifugo recusou a inscrição deste usuário em %1 (103): %2 e se este usuário pertence à organização.</translation>
    </message>
    <message>
        <source>Fix the channel templates to the server&apos;s naming (org:{org}:messages vs org.{org}.messages); check the organization (--org).</source>
        <translation>Ajuste os modelos de canal ao padrão do servidor (org:{org}:messages ou org.{org}.messages); confira a organização (--org).</translation>
    </message>
    <message>
        <source>Method not found</source>
        <translation>Método não encontrado</translation>
    </message>
    <message>
        <source>Centrifugo has no handler for a call this app made (104).</source>
        <translation>O Centrifugo não trata uma chamada que este app fez (104).</translation>
    </message>
    <message>
        <source>Send the diagnostics report to IT.</source>
        <translation>Envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Already subscribed</source>
        <translation>Já inscrito</translation>
    </message>
    <message>
        <source>Centrifugo says this connection is on %1 twice (105): a client bug.</source>
        <translation>O Centrifugo diz que esta conexão está em %1 duas vezes (105): um defeito do cliente.</translation>
    </message>
    <message>
        <source>Reconnect (or restart the app) and report it.</source>
        <translation>Reconecte (ou reinicie o app) e relate o problema.</translation>
    </message>
    <message>
        <source>Limit exceeded</source>
        <translation>Limite excedido</translation>
    </message>
    <message>
        <source>Centrifugo refused because a limit was reached (106): too many channels or connections for this user.</source>
        <translation>O Centrifugo recusou porque um limite foi atingido (106): canais ou conexões demais para este usuário.</translation>
    </message>
    <message>
        <source>Close other copies of the app; IT: check Centrifugo&apos;s client limits.</source>
        <translation>Feche outras cópias do app; TI: confira os limites de cliente do Centrifugo.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Requisição inválida</translation>
    </message>
    <message>
        <source>Centrifugo refused a request from this app as malformed (107).</source>
        <translation>O Centrifugo recusou uma requisição malformada deste app (107).</translation>
    </message>
    <message>
        <source>Update the app; send the diagnostics report to IT.</source>
        <translation>Atualize o app; envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Não disponível</translation>
    </message>
    <message>
        <source>Centrifugo has this feature (history, presence) off for %1 (108).</source>
        <translation>O Centrifugo está com este recurso (histórico, presença) desligado para %1 (108).</translation>
    </message>
    <message>
        <source>Nothing to do for agents; IT: enable it in the namespace if it is needed.</source>
        <translation>Nada a fazer para os atendentes; TI: ative-o no namespace se for necessário.</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token expirado</translation>
    </message>
    <message>
        <source>The realtime token had already expired when it reached Centrifugo (109): usually this computer&apos;s clock is wrong, or the token lifetime is very short.</source>
        <translation>O token de tempo real já tinha expirado quando chegou ao Centrifugo (109): geralmente o relógio deste computador está errado, ou a validade do token é muito curta.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date, time and time zone (turn on network time); the app fetches a new token by itself.</source>
        <translation>Confira a data, a hora e o fuso horário deste computador (ative a hora da rede); o app obtém um novo token sozinho.</translation>
    </message>
    <message>
        <source>Connection expired</source>
        <translation>Conexão expirada</translation>
    </message>
    <message>
        <source>Centrifugo ended the connection because its time was up (110).</source>
        <translation>O Centrifugo encerrou a conexão porque o tempo dela acabou (110).</translation>
    </message>
    <message>
        <source>The app reconnects with a new token by itself.</source>
        <translation>O app reconecta com um novo token sozinho.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Requisições demais</translation>
    </message>
    <message>
        <source>Centrifugo limits requests from this connection (111).</source>
        <translation>O Centrifugo limita as requisições desta conexão (111).</translation>
    </message>
    <message>
        <source>The app retries by itself; close other copies of the app if it repeats.</source>
        <translation>O app tenta de novo sozinho; feche outras cópias do app se isso se repetir.</translation>
    </message>
    <message>
        <source>History lost</source>
        <translation>Histórico perdido</translation>
    </message>
    <message>
        <source>Centrifugo could not replay what was missed on %1 (112 unrecoverable position).</source>
        <translation>O Centrifugo não conseguiu reenviar o que se perdeu em %1 (112 posição irrecuperável).</translation>
    </message>
    <message>
        <source>The app reloads the inbox by itself.</source>
        <translation>O app recarrega a caixa de entrada sozinho.</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Centrifugo is still handling another request of this app (113).</source>
        <translation>O Centrifugo ainda está tratando outra requisição deste app (113).</translation>
    </message>
    <message>
        <source>The app retries by itself.</source>
        <translation>O app tenta de novo sozinho.</translation>
    </message>
    <message>
        <source>Realtime server refused</source>
        <translation>Servidor de tempo real recusou</translation>
    </message>
    <message>
        <source>Centrifugo refused with error %1 (%2).</source>
        <translation>O Centrifugo recusou com o erro %1 (%2).</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>nenhum motivo informado</translation>
    </message>
    <message>
        <source>Message too big</source>
        <translation>Mensagem grande demais</translation>
    </message>
    <message>
        <source>A message over the size limit arrived, so the connection was closed.</source>
        <translation>Chegou uma mensagem acima do limite de tamanho, então a conexão foi encerrada.</translation>
    </message>
    <message>
        <source>The app reconnects by itself; IT: check what publishes such large messages.</source>
        <translation>O app reconecta sozinho; TI: verifique o que publica mensagens tão grandes.</translation>
    </message>
    <message>
        <source>Realtime server restarting</source>
        <translation>Servidor de tempo real reiniciando</translation>
    </message>
    <message>
        <source>Centrifugo is shutting down or restarting (3001).</source>
        <translation>O Centrifugo está desligando ou reiniciando (3001).</translation>
    </message>
    <message>
        <source>The app reconnects by itself.</source>
        <translation>O app reconecta sozinho.</translation>
    </message>
    <message>
        <source>Centrifugo closed the connection after an internal error (3004).</source>
        <translation>O Centrifugo encerrou a conexão após um erro interno (3004).</translation>
    </message>
    <message>
        <source>The app reconnects by itself; IT: check the Centrifugo logs.</source>
        <translation>O app reconecta sozinho; TI: confira os logs do Centrifugo.</translation>
    </message>
    <message>
        <source>The connection&apos;s token ran out and was not refreshed in time (3005).</source>
        <translation>O token da conexão venceu e não foi renovado a tempo (3005).</translation>
    </message>
    <message>
        <source>The app reconnects with a new token; if it repeats, check the clock and the token route.</source>
        <translation>O app reconecta com um novo token; se isso se repetir, confira o relógio e a rota de token.</translation>
    </message>
    <message>
        <source>Too slow to read</source>
        <translation>Lento demais para ler</translation>
    </message>
    <message>
        <source>Centrifugo closed the connection because this computer did not read its messages fast enough (3008).</source>
        <translation>O Centrifugo encerrou a conexão porque este computador não leu as mensagens rápido o bastante (3008).</translation>
    </message>
    <message>
        <source>The app reconnects by itself; close heavy programs or check the network.</source>
        <translation>O app reconecta sozinho; feche programas pesados ou verifique a rede.</translation>
    </message>
    <message>
        <source>Connection seen as dead</source>
        <translation>Conexão considerada morta</translation>
    </message>
    <message>
        <source>Centrifugo did not get this app&apos;s answer to its ping in time (3012 no pong): the network dropped packets, or the computer slept or was overloaded.</source>
        <translation>O Centrifugo não recebeu a tempo a resposta deste app ao ping (3012 sem pong): a rede perdeu pacotes, ou o computador suspendeu ou estava sobrecarregado.</translation>
    </message>
    <message>
        <source>The app reconnects by itself; if it repeats, check unstable Wi-Fi/VPN or a proxy with a short idle timeout.</source>
        <translation>O app reconecta sozinho; se isso se repetir, verifique Wi-Fi/VPN instável ou um proxy com tempo de inatividade curto.</translation>
    </message>
    <message>
        <source>Centrifugo closed the connection: this app sent requests faster than allowed (3013).</source>
        <translation>O Centrifugo encerrou a conexão: este app enviou requisições mais rápido do que o permitido (3013).</translation>
    </message>
    <message>
        <source>The app reconnects by itself; close other copies of the app.</source>
        <translation>O app reconecta sozinho; feche outras cópias do app.</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token recusado</translation>
    </message>
    <message>
        <source>Centrifugo refused the token as invalid (3500): a wrong signing secret, or a token for another user or channel.</source>
        <translation>O Centrifugo recusou o token como inválido (3500): segredo de assinatura errado, ou um token de outro usuário ou canal.</translation>
    </message>
    <message>
        <source>IT: make the backend&apos;s and Centrifugo&apos;s token secrets equal.</source>
        <translation>TI: deixe iguais os segredos de token do backend e do Centrifugo.</translation>
    </message>
    <message>
        <source>Protocol error</source>
        <translation>Erro de protocolo</translation>
    </message>
    <message>
        <source>Centrifugo closed the connection after a request it could not read (3501).</source>
        <translation>O Centrifugo encerrou a conexão após uma requisição que não conseguiu ler (3501).</translation>
    </message>
    <message>
        <source>Connection went stale</source>
        <translation>Conexão parada</translation>
    </message>
    <message>
        <source>The connection opened but no connect command arrived in time (3502).</source>
        <translation>A conexão abriu, mas nenhum comando de conexão chegou a tempo (3502).</translation>
    </message>
    <message>
        <source>Try again; check the network.</source>
        <translation>Tente de novo; verifique a rede.</translation>
    </message>
    <message>
        <source>Disconnected by the server</source>
        <translation>Desconectado pelo servidor</translation>
    </message>
    <message>
        <source>An administrator or the backend disconnected this user (3503).</source>
        <translation>Um administrador ou o backend desconectou este usuário (3503).</translation>
    </message>
    <message>
        <source>Sign in again; ask the administrator why.</source>
        <translation>Entre de novo; pergunte ao administrador o motivo.</translation>
    </message>
    <message>
        <source>Too many connections</source>
        <translation>Conexões demais</translation>
    </message>
    <message>
        <source>This user has too many realtime connections open (3504).</source>
        <translation>Este usuário tem conexões de tempo real demais abertas (3504).</translation>
    </message>
    <message>
        <source>Close other copies of the app or browser tabs.</source>
        <translation>Feche outras cópias do app ou abas do navegador.</translation>
    </message>
    <message>
        <source>Too many channels</source>
        <translation>Canais demais</translation>
    </message>
    <message>
        <source>This connection asked for more channels than the server allows (3505).</source>
        <translation>Esta conexão pediu mais canais do que o servidor permite (3505).</translation>
    </message>
    <message>
        <source>IT: raise Centrifugo&apos;s client.channel_limit.</source>
        <translation>TI: aumente o client.channel_limit do Centrifugo.</translation>
    </message>
    <message>
        <source>Centrifugo ended the connection because this user may not use it (3507).</source>
        <translation>O Centrifugo encerrou a conexão porque este usuário não tem permissão para usá-la (3507).</translation>
    </message>
    <message>
        <source>Sign in again; check that the user belongs to the organization.</source>
        <translation>Entre de novo; confira se o usuário pertence à organização.</translation>
    </message>
    <message>
        <source>Connection dropped</source>
        <translation>Conexão caiu</translation>
    </message>
    <message>
        <source>The connection to Centrifugo dropped (%1, %2).</source>
        <translation>A conexão com o Centrifugo caiu (%1, %2).</translation>
    </message>
    <message>
        <source>The app reconnects by itself; if it repeats, check the network and proxy.</source>
        <translation>O app reconecta sozinho; se isso se repetir, verifique a rede e o proxy.</translation>
    </message>
    <message>
        <source>Disconnected for good</source>
        <translation>Desconectado de vez</translation>
    </message>
    <message>
        <source>Centrifugo ended the connection and asked not to reconnect (%1: %2).</source>
        <translation>O Centrifugo encerrou a conexão e pediu para não reconectar (%1: %2).</translation>
    </message>
    <message>
        <source>Sign in again; if it repeats, send the diagnostics report to IT.</source>
        <translation>Entre de novo; se isso se repetir, envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Centrifugo closed the connection (%1: %2).</source>
        <translation>O Centrifugo encerrou a conexão (%1: %2).</translation>
    </message>
    <message>
        <source>Unsubscribed by the server</source>
        <translation>Inscrição cancelada pelo servidor</translation>
    </message>
    <message>
        <source>The server removed this connection from %1 (2000).</source>
        <translation>O servidor removeu esta conexão de %1 (2000).</translation>
    </message>
    <message>
        <source>Reload the inbox; ask the administrator if access was revoked.</source>
        <translation>Recarregue a caixa de entrada; pergunte ao administrador se o acesso foi revogado.</translation>
    </message>
    <message>
        <source>Subscription expired</source>
        <translation>Inscrição expirada</translation>
    </message>
    <message>
        <source>The subscription token for %1 ran out (2501).</source>
        <translation>O token de inscrição de %1 venceu (2501).</translation>
    </message>
    <message>
        <source>The app subscribes again with a new token by itself.</source>
        <translation>O app se inscreve de novo com um novo token sozinho.</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Inscrição cancelada</translation>
    </message>
    <message>
        <source>The server ended the subscription to %1 (%2: %3).</source>
        <translation>O servidor encerrou a inscrição em %1 (%2: %3).</translation>
    </message>
    <message>
        <source>The app subscribes again by itself.</source>
        <translation>O app se inscreve de novo sozinho.</translation>
    </message>
    <message>
        <source>Reload the inbox; send the diagnostics report to IT.</source>
        <translation>Recarregue a caixa de entrada; envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Wait %1 s, then try again.</source>
        <translation>Aguarde %1 s e tente de novo.</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>Aguarde um minuto e tente de novo.</translation>
    </message>
    <message>
        <source>Realtime server down</source>
        <translation>Servidor de tempo real fora do ar</translation>
    </message>
    <message>
        <source>The proxy in front of Centrifugo answered HTTP %1: Centrifugo is not running, or the proxy cannot reach it.</source>
        <translation>O proxy na frente do Centrifugo respondeu HTTP %1: o Centrifugo não está rodando, ou o proxy não consegue alcançá-lo.</translation>
    </message>
    <message>
        <source>Wait a few minutes (the inbox still works, without live updates). IT: check that the Centrifugo service runs (docker service ls | grep centrifugo), its logs, and the proxy&apos;s route to it.</source>
        <translation>Aguarde alguns minutos (a caixa de entrada continua funcionando, sem atualizações ao vivo). TI: confira se o serviço do Centrifugo está rodando (docker service ls | grep centrifugo), os logs dele e a rota do proxy até ele.</translation>
    </message>
    <message>
        <source>Realtime server error</source>
        <translation>Erro no servidor de tempo real</translation>
    </message>
    <message>
        <source>The WebSocket address answered HTTP %1: the server failed.</source>
        <translation>O endereço WebSocket respondeu HTTP %1: o servidor falhou.</translation>
    </message>
    <message>
        <source>Try again later; IT: check the Centrifugo and proxy logs.</source>
        <translation>Tente de novo mais tarde; TI: confira os logs do Centrifugo e do proxy.</translation>
    </message>
    <message>
        <source>WebSocket refused as a bad request</source>
        <translation>WebSocket recusado como requisição inválida</translation>
    </message>
    <message>
        <source>The server refused the WebSocket upgrade as a bad request: the address is not a WebSocket endpoint, or a proxy strips the Upgrade headers.</source>
        <translation>O servidor recusou o upgrade para WebSocket como requisição inválida: o endereço não é um endpoint WebSocket, ou um proxy remove os cabeçalhos Upgrade.</translation>
    </message>
    <message>
        <source>Check the path of the WebSocket URL (--ws-url, normally ending in /connection/websocket); IT: the proxy must forward Upgrade and Connection.</source>
        <translation>Confira o caminho do endereço WebSocket (--ws-url, que normalmente termina em /connection/websocket); TI: o proxy precisa repassar Upgrade e Connection.</translation>
    </message>
    <message>
        <source>WebSocket refused</source>
        <translation>WebSocket recusado</translation>
    </message>
    <message>
        <source>Something in front of Centrifugo (a proxy, a firewall, Centrifugo&apos;s origin check) refused the WebSocket connection with HTTP %1.</source>
        <translation>Algo na frente do Centrifugo (um proxy, um firewall, a verificação de origem do Centrifugo) recusou a conexão WebSocket com HTTP %1.</translation>
    </message>
    <message>
        <source>IT: check the proxy and firewall rules for /connection/websocket and Centrifugo&apos;s allowed_origins.</source>
        <translation>TI: confira as regras do proxy e do firewall para /connection/websocket e o allowed_origins do Centrifugo.</translation>
    </message>
    <message>
        <source>Wrong WebSocket path</source>
        <translation>Caminho WebSocket errado</translation>
    </message>
    <message>
        <source>Nothing serves WebSocket connections at this path (HTTP 404): the path of the WebSocket URL is wrong, or the proxy does not route it to Centrifugo.</source>
        <translation>Nada atende conexões WebSocket neste caminho (HTTP 404): o caminho do endereço WebSocket está errado, ou o proxy não o encaminha ao Centrifugo.</translation>
    </message>
    <message>
        <source>Check the WebSocket URL (--ws-url): Centrifugo&apos;s path is /connection/websocket.</source>
        <translation>Confira o endereço WebSocket (--ws-url): o caminho do Centrifugo é /connection/websocket.</translation>
    </message>
    <message>
        <source>Too many connection attempts</source>
        <translation>Tentativas de conexão demais</translation>
    </message>
    <message>
        <source>A proxy in front of Centrifugo limits connection attempts (HTTP 429).</source>
        <translation>Um proxy na frente do Centrifugo limita as tentativas de conexão (HTTP 429).</translation>
    </message>
    <message>
        <source>Not a WebSocket endpoint</source>
        <translation>Não é um endpoint WebSocket</translation>
    </message>
    <message>
        <source>The WebSocket URL answered HTTP %1 instead of switching to WebSocket: it points at a web page or another service.</source>
        <translation>O endereço WebSocket respondeu HTTP %1 em vez de passar para WebSocket: ele aponta para uma página web ou outro serviço.</translation>
    </message>
    <message>
        <source>Check the WebSocket URL (--ws-url), e.g. wss://centrifugo.example.com/connection/websocket.</source>
        <translation>Confira o endereço WebSocket (--ws-url), por exemplo wss://centrifugo.example.com/connection/websocket.</translation>
    </message>
    <message>
        <source>Token route failing</source>
        <translation>Rota de token falhando</translation>
    </message>
    <message>
        <source>The WhaTrack server could not make a realtime token (HTTP %1): the backend is failing, CENTRIFUGO_TOKEN_HMAC_SECRET_KEY is not configured on it, or it is down behind its proxy.</source>
        <translation>O servidor WhaTrack não conseguiu gerar um token de tempo real (HTTP %1): o backend está falhando, CENTRIFUGO_TOKEN_HMAC_SECRET_KEY não está configurado nele, ou ele está fora do ar atrás do proxy.</translation>
    </message>
    <message>
        <source>Try again later; IT: check the backend&apos;s .env (CENTRIFUGO_TOKEN_HMAC_SECRET_KEY) and logs.</source>
        <translation>Tente de novo mais tarde; TI: confira o .env do backend (CENTRIFUGO_TOKEN_HMAC_SECRET_KEY) e os logs.</translation>
    </message>
    <message>
        <source>Not signed in for realtime</source>
        <translation>Sem login para o tempo real</translation>
    </message>
    <message>
        <source>The token route answered 401: the session is missing or expired, or (on the WhaTrack server) this user has no access to the organization.</source>
        <translation>A rota de token respondeu 401: a sessão não existe ou expirou, ou (no servidor WhaTrack) este usuário não tem acesso à organização.</translation>
    </message>
    <message>
        <source>Sign in again; check that the user belongs to the organization (--org).</source>
        <translation>Entre de novo; confira se o usuário pertence à organização (--org).</translation>
    </message>
    <message>
        <source>Channel not allowed</source>
        <translation>Canal não permitido</translation>
    </message>
    <message>
        <source>The backend refused a subscription token for %1: the channel is not one of this organization&apos;s channels (check the naming, org: vs org.) or the user is not a member.</source>
        <translation>O backend recusou um token de inscrição para %1: o canal não é um dos canais desta organização (confira o padrão de nomes, org: ou org.) ou o usuário não é membro.</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>este canal</translation>
    </message>
    <message>
        <source>Check the channel templates and the organization (--org).</source>
        <translation>Confira os modelos de canal e a organização (--org).</translation>
    </message>
    <message>
        <source>Organization not allowed</source>
        <translation>Organização não permitida</translation>
    </message>
    <message>
        <source>The token route answered 403: no organization was given, or this user is not a member of it.</source>
        <translation>A rota de token respondeu 403: nenhuma organização foi informada, ou este usuário não é membro dela.</translation>
    </message>
    <message>
        <source>Pick one of the user&apos;s organizations (--org).</source>
        <translation>Escolha uma das organizações do usuário (--org).</translation>
    </message>
    <message>
        <source>No subscription-token route</source>
        <translation>Sem rota de token de inscrição</translation>
    </message>
    <message>
        <source>The backend answered 404 for the subscription-token route: this server does not issue subscription tokens.</source>
        <translation>O backend respondeu 404 para a rota de token de inscrição: este servidor não emite tokens de inscrição.</translation>
    </message>
    <message>
        <source>Leave subscription tokens off for this server; IT: see the `secure` profile in docs/devstack.md to protect channels.</source>
        <translation>Deixe os tokens de inscrição desligados para este servidor; TI: veja o perfil `secure` em docs/devstack.md para proteger os canais.</translation>
    </message>
    <message>
        <source>Token route not found</source>
        <translation>Rota de token não encontrada</translation>
    </message>
    <message>
        <source>The backend has no /api/v1/centrifugo/token route (HTTP 404): the backend URL is wrong, or this backend has no realtime.</source>
        <translation>O backend não tem a rota /api/v1/centrifugo/token (HTTP 404): o endereço do backend está errado, ou este backend não tem tempo real.</translation>
    </message>
    <message>
        <source>Check the backend URL (--backend-url, without /api).</source>
        <translation>Confira o endereço do backend (--backend-url, sem /api).</translation>
    </message>
    <message>
        <source>Too many token requests</source>
        <translation>Pedidos de token demais</translation>
    </message>
    <message>
        <source>The token route is rate limited (a few per minute per user) and was asked too often, perhaps by another copy of the app signed in as this user.</source>
        <translation>A rota de token tem limite de requisições (algumas por minuto por usuário) e foi chamada vezes demais, talvez por outra cópia do app conectada com este usuário.</translation>
    </message>
    <message>
        <source>Token route refused</source>
        <translation>Rota de token recusou</translation>
    </message>
    <message>
        <source>The token route answered HTTP %1.</source>
        <translation>A rota de token respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>Check the backend URL and the organization; send the diagnostics report to IT.</source>
        <translation>Confira o endereço do backend e a organização; envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>Wrong email or password</source>
        <translation>E-mail ou senha incorretos</translation>
    </message>
    <message>
        <source>The WhaTrack server refused the email or password.</source>
        <translation>O servidor WhaTrack recusou o e-mail ou a senha.</translation>
    </message>
    <message>
        <source>Check the email and the password (reset it in the web app if needed).</source>
        <translation>Confira o e-mail e a senha (redefina a senha no app web, se precisar).</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Login recusado</translation>
    </message>
    <message>
        <source>The WhaTrack server refused the sign-in (HTTP 403): the account is blocked, or the server&apos;s origin check refused this app.</source>
        <translation>O servidor WhaTrack recusou o login (HTTP 403): a conta está bloqueada, ou a verificação de origem do servidor recusou este app.</translation>
    </message>
    <message>
        <source>Try the web app; IT: check the account and the server&apos;s trusted origins.</source>
        <translation>Tente pelo app web; TI: confira a conta e as origens confiáveis do servidor.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts</source>
        <translation>Tentativas de login demais</translation>
    </message>
    <message>
        <source>The WhaTrack server limits sign-in attempts.</source>
        <translation>O servidor WhaTrack limita as tentativas de login.</translation>
    </message>
    <message>
        <source>WhaTrack server down</source>
        <translation>Servidor WhaTrack fora do ar</translation>
    </message>
    <message>
        <source>The proxy in front of the WhaTrack server answered HTTP %1: the backend is not running or the proxy cannot reach it.</source>
        <translation>O proxy na frente do servidor WhaTrack respondeu HTTP %1: o backend não está rodando ou o proxy não consegue alcançá-lo.</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again; IT: check the backend service and its proxy route.</source>
        <translation>Aguarde alguns minutos e tente de novo; TI: confira o serviço do backend e a rota do proxy até ele.</translation>
    </message>
    <message>
        <source>WhaTrack server error</source>
        <translation>Erro no servidor WhaTrack</translation>
    </message>
    <message>
        <source>The WhaTrack server answered HTTP %1: it runs but fails.</source>
        <translation>O servidor WhaTrack respondeu HTTP %1: ele está no ar, mas falhando.</translation>
    </message>
    <message>
        <source>Try again later; IT: check the backend&apos;s logs.</source>
        <translation>Tente de novo mais tarde; TI: confira os logs do backend.</translation>
    </message>
    <message>
        <source>Not the WhaTrack API</source>
        <translation>Não é a API da WhaTrack</translation>
    </message>
    <message>
        <source>The backend URL answered 404 for the API: it points at another site, or has a path too many or too few.</source>
        <translation>O endereço do backend respondeu 404 para a API: ele aponta para outro site, ou tem partes a mais ou a menos no caminho.</translation>
    </message>
    <message>
        <source>Check the backend URL (--backend-url): the base address, without /api.</source>
        <translation>Confira o endereço do backend (--backend-url): o endereço base, sem /api.</translation>
    </message>
    <message>
        <source>The WhaTrack server limits requests (429).</source>
        <translation>O servidor WhaTrack limita as requisições (429).</translation>
    </message>
    <message>
        <source>Redirected elsewhere</source>
        <translation>Redirecionado para outro lugar</translation>
    </message>
    <message>
        <source>The backend URL redirects (HTTP %1) to another address; the app does not follow redirects to other servers, so the password and cookie never leave.</source>
        <translation>O endereço do backend redireciona (HTTP %1) para outro endereço; o app não segue redirecionamentos para outros servidores, assim a senha e o cookie nunca saem daqui.</translation>
    </message>
    <message>
        <source>Use the final address as the backend URL (--backend-url).</source>
        <translation>Use o endereço final como endereço do backend (--backend-url).</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sem login</translation>
    </message>
    <message>
        <source>The WhaTrack server says no one is signed in.</source>
        <translation>O servidor WhaTrack diz que ninguém está conectado.</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Entre de novo.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Não permitido</translation>
    </message>
    <message>
        <source>The WhaTrack server refused access (HTTP 403): this user lacks access to the organization.</source>
        <translation>O servidor WhaTrack recusou o acesso (HTTP 403): este usuário não tem acesso à organização.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Resposta inesperada</translation>
    </message>
    <message>
        <source>The WhaTrack server answered HTTP %1.</source>
        <translation>O servidor WhaTrack respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>Check the backend URL; send the diagnostics report to IT.</source>
        <translation>Confira o endereço do backend; envie o relatório de diagnóstico à TI.</translation>
    </message>
    <message>
        <source>check the channel naming (org: vs org.)</source>
        <translation>confira o padrão de nomes dos canais (org: ou org.)</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::AppController</name>
    <message>
        <source>Another WhaTrack Inbox is already using this offline cache (%1). Use that window, or close it and start again.</source>
        <translation>Outro WhaTrack Inbox já está usando este cache offline (%1). Use aquela janela, ou feche-a e abra de novo.</translation>
    </message>
    <message>
        <source>Sign in again to get live updates.</source>
        <translation>Entre de novo para receber atualizações ao vivo.</translation>
    </message>
    <message>
        <source>live updates (%1)</source>
        <translation>atualizações ao vivo (%1)</translation>
    </message>
    <message>
        <source>Connect to your WhaTrack server</source>
        <translation>Conecte-se ao seu servidor WhaTrack</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::CaLoader</name>
    <message>
        <source>The CA certificate file %1 could not be read or holds no PEM certificate.</source>
        <translation>Não foi possível ler o arquivo de certificado de CA %1, ou ele não contém um certificado PEM.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::DesktopIntegration</name>
    <message>
        <source>Start at login</source>
        <translation>Iniciar com o sistema</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::OrganizationFlow</name>
    <message>
        <source>No organization</source>
        <translation>Nenhuma organização</translation>
    </message>
    <message>
        <source>This account is not a member of any WhaTrack organization.</source>
        <translation>Esta conta não é membro de nenhuma organização WhaTrack.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::SignInFlow</name>
    <message>
        <source>The environment variable %1 holds no password.</source>
        <translation>A variável de ambiente %1 não contém senha.</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>E-mail ou senha incorretos.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check your connection and try again.</source>
        <translation>Não foi possível alcançar %1. Verifique sua conexão e tente de novo.</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed: %2</source>
        <translation>Falha na conexão segura com %1: %2</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Tentativas demais. Tente de novo em %1 s.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in a minute.</source>
        <translation>Tentativas demais. Tente de novo em um minuto.</translation>
    </message>
    <message>
        <source>Sign in failed: %1</source>
        <translation>Falha no login: %1</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre de novo.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Gui::TlsProblemNotifier</name>
    <message>
        <source>Secure connection failed</source>
        <translation>Falha na conexão segura</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed and was not used:

%2

The app never ignores certificate errors. If your company uses its own certificate authority, start the app with --ca-cert FILE.</source>
        <translation>A conexão segura com %1 falhou e não foi usada:

%2

O app nunca ignora erros de certificado. Se a sua empresa usa uma autoridade certificadora própria, abra o app com --ca-cert ARQUIVO.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::MediaFetcher</name>
    <message>
        <source>The file is larger than %1 MB, so it was not downloaded.</source>
        <translation>O arquivo tem mais de %1 MB, por isso não foi baixado.</translation>
    </message>
    <message>
        <source>The server no longer has this file (it may have expired).</source>
        <translation>O servidor não tem mais este arquivo (ele pode ter expirado).</translation>
    </message>
    <message>
        <source>Your account may not open this file.</source>
        <translation>Sua conta não tem permissão para abrir este arquivo.</translation>
    </message>
    <message>
        <source>The session expired; sign in again to see this file.</source>
        <translation>A sessão expirou; entre de novo para ver este arquivo.</translation>
    </message>
    <message>
        <source>The server could not be reached; the file will load when the connection is back (reopen the chat).</source>
        <translation>Não foi possível alcançar o servidor; o arquivo será carregado quando a conexão voltar (abra a conversa de novo).</translation>
    </message>
    <message>
        <source>The server sent the file from another address, which the inbox does not follow; check the backend URL in Preferences.</source>
        <translation>O servidor enviou o arquivo de outro endereço, que a caixa de entrada não segue; confira o endereço do backend em Preferências.</translation>
    </message>
    <message>
        <source>The server could not send this file (%1); try again later.</source>
        <translation>O servidor não conseguiu enviar este arquivo (%1); tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>This image has no address on your WhaTrack server.</source>
        <translation>Esta imagem não tem endereço no seu servidor WhaTrack.</translation>
    </message>
    <message>
        <source>This file has no address on your WhaTrack server.</source>
        <translation>Este arquivo não tem endereço no seu servidor WhaTrack.</translation>
    </message>
    <message>
        <source>The server sent an empty file.</source>
        <translation>O servidor enviou um arquivo vazio.</translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation>Não foi possível ler a imagem.</translation>
    </message>
    <message>
        <source>The server sent something that is not an image.</source>
        <translation>O servidor enviou algo que não é uma imagem.</translation>
    </message>
    <message>
        <source>The image is too large to show (%1 x %2 pixels).</source>
        <translation>A imagem é grande demais para exibir (%1 x %2 pixels).</translation>
    </message>
    <message>
        <source>The image could not be read (%1).</source>
        <translation>Não foi possível ler a imagem (%1).</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ChatListDelegate</name>
    <message>
        <source>No messages yet</source>
        <translation>Nenhuma mensagem ainda</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ChatListPane</name>
    <message>
        <source>Search name or phone (Ctrl+F)</source>
        <translation>Buscar nome ou telefone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Buscar conversas</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>No chats yet. New WhatsApp conversations appear here as they arrive.</source>
        <translation>Nenhuma conversa ainda. As novas conversas do WhatsApp aparecem aqui assim que chegam.</translation>
    </message>
    <message>
        <source>No chats match “%1”.</source>
        <translation>Nenhuma conversa corresponde a “%1”.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConnectionDetailsDialog</name>
    <message>
        <source>Run diagnostics</source>
        <translation>Executar diagnóstico</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Detalhes da conexão</translation>
    </message>
    <message>
        <source>Check every step of the connection and explain what fails.</source>
        <translation>Verifica cada etapa da conexão e explica o que falha.</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <translation>Erros recentes</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Resync now</source>
        <translation>Ressincronizar agora</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Reconectar agora</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar relatório</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Salvar relatório…</translation>
    </message>
    <message>
        <source>Reload the chat list, the open conversation and its ticket.</source>
        <translation>Recarrega a lista de conversas, a conversa aberta e o ticket dela.</translation>
    </message>
    <message>
        <source>Skip the wait and reconnect to the live update server.</source>
        <translation>Pula a espera e reconecta ao servidor de atualizações ao vivo.</translation>
    </message>
    <message>
        <source>Copy a report for support. Tokens, cookies and messages are left out.</source>
        <translation>Copia um relatório para o suporte. Tokens, cookies e mensagens ficam de fora.</translation>
    </message>
    <message>
        <source>Save the same report to a file.</source>
        <translation>Salva o mesmo relatório em um arquivo.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Executando…</translation>
    </message>
    <message>
        <source>Diagnostics are not available in this window.</source>
        <translation>O diagnóstico não está disponível nesta janela.</translation>
    </message>
    <message>
        <source>Sign in first: the checks use this session.</source>
        <translation>Entre primeiro: as verificações usam esta sessão.</translation>
    </message>
    <message>
        <source>Last run at %1. Run again after changing something.</source>
        <translation>Última execução às %1. Execute de novo depois de mudar algo.</translation>
    </message>
    <message>
        <source>Checks the WhaTrack server, sign-in, token, realtime server and channels, in order. Takes a few seconds.</source>
        <translation>Verifica, em ordem, o servidor WhaTrack, o login, o token, o servidor de tempo real e os canais. Leva alguns segundos.</translation>
    </message>
    <message>
        <source>Report copied to the clipboard.</source>
        <translation>Relatório copiado para a área de transferência.</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Relatório salvo em %1.</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>Não foi possível salvar o relatório em %1: %2</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Salvar relatório</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Arquivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Live updates: %1</source>
        <translation>Atualizações ao vivo: %1</translation>
    </message>
    <message>
        <source>Recent errors (%1)</source>
        <translation>Erros recentes (%1)</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConnectionMonitor</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::ConversationView</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Carregando mensagens anteriores…</translation>
    </message>
    <message>
        <source>No messages in this conversation yet.</source>
        <translation>Nenhuma mensagem nesta conversa ainda.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Jump to latest messages</source>
        <translation>Ir para as mensagens mais recentes</translation>
    </message>
    <message>
        <source>View-only: reply from the WhatsApp phone app.</source>
        <translation>Somente leitura: responda pelo app do WhatsApp no celular.</translation>
    </message>
    <message>
        <source>WhaTrack has no send-message route: messages are sent from the WhatsApp app on the business phone and appear here as they go out.</source>
        <translation>A WhaTrack não tem rota para enviar mensagens: as mensagens são enviadas pelo app do WhatsApp no celular da empresa e aparecem aqui conforme saem.</translation>
    </message>
    <message>
        <source>Select a conversation to read it.

Ctrl+F searches, Ctrl+K goes to a chat, Alt+Up and Alt+Down move between chats.</source>
        <translation>Selecione uma conversa para lê-la.

Ctrl+F busca, Ctrl+K vai para uma conversa, Alt+Cima e Alt+Baixo passam de uma conversa para outra.</translation>
    </message>
    <message>
        <source>Unknown contact</source>
        <translation>Contato desconhecido</translation>
    </message>
    <message>
        <source>Jump to latest (%1) ↓</source>
        <translation>Ir para as mais recentes (%1) ↓</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::DBusNotifications</name>
    <message>
        <source>Open chat</source>
        <translation>Abrir conversa</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::DiagnosticsStepsView</name>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Not run: %1.</source>
        <translation>Não executado: %1.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>O que fazer: %1</translation>
    </message>
    <message>
        <source>Running the checks…</source>
        <translation>Executando as verificações…</translation>
    </message>
    <message>
        <source>Run diagnostics checks each step of the connection, from the WhaTrack server to the live update channels, and says what to do when one fails.</source>
        <translation>Executar diagnóstico verifica cada etapa da conexão, do servidor WhaTrack aos canais de atualização ao vivo, e diz o que fazer quando uma falha.</translation>
    </message>
    <message>
        <source>Canceled. </source>
        <translation>Cancelado. </translation>
    </message>
    <message>
        <source>Every check passed. </source>
        <translation>Todas as verificações passaram. </translation>
    </message>
    <message>
        <source>Step %1 failed. </source>
        <translation>A etapa %1 falhou. </translation>
    </message>
    <message>
        <source>%1 passed, %2 warning(s), %3 failed, %4 skipped, in %5.</source>
        <translation>%1 passaram, %2 aviso(s), %3 falharam, %4 ignoradas, em %5.</translation>
    </message>
    <message>
        <source>Step %1 failed: %2
%3
What to do: %4</source>
        <translation>A etapa %1 falhou: %2
%3
O que fazer: %4</translation>
    </message>
    <message>
        <source>Security warning: %1</source>
        <translation>Alerta de segurança: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation>Como resolver: %1</translation>
    </message>
    <message>
        <source>address</source>
        <translation>endereço</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificado</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>emitido por</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>válido até</translation>
    </message>
    <message>
        <source>certificate problems</source>
        <translation>problemas no certificado</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuário</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>organização</translation>
    </message>
    <message>
        <source>token user (sub)</source>
        <translation>usuário do token (sub)</translation>
    </message>
    <message>
        <source>organization id</source>
        <translation>id da organização</translation>
    </message>
    <message>
        <source>token expires in</source>
        <translation>token expira em</translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation>diferença de relógio</translation>
    </message>
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>id do cliente</translation>
    </message>
    <message>
        <source>ping every</source>
        <translation>ping a cada</translation>
    </message>
    <message>
        <source>subscription token</source>
        <translation>token de inscrição</translation>
    </message>
    <message>
        <source>refused with</source>
        <translation>recusado com</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>retry after</source>
        <translation>tentar de novo após</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::KeychainNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Hide this notice. You stay signed in until you quit.</source>
        <translation>Oculta este aviso. Você continua conectado até sair do app.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MainWindow</name>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Caixa de entrada</translation>
    </message>
    <message>
        <source>Switch &amp;organization…</source>
        <translation>Trocar de &amp;organização…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Sair da conta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Fechar o app</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Search chats</source>
        <translation>&amp;Buscar conversas</translation>
    </message>
    <message>
        <source>&amp;Go to chat…</source>
        <translation>&amp;Ir para a conversa…</translation>
    </message>
    <message>
        <source>&amp;Previous chat</source>
        <translation>Conversa &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next chat</source>
        <translation>&amp;Próxima conversa</translation>
    </message>
    <message>
        <source>&amp;Resync now</source>
        <translation>&amp;Ressincronizar agora</translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation>&amp;Detalhes da conexão…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;About WhaTrack Inbox</source>
        <translation>&amp;Sobre o WhaTrack Inbox</translation>
    </message>
    <message>
        <source>About WhaTrack Inbox</source>
        <translation>Sobre o WhaTrack Inbox</translation>
    </message>
    <message>
        <source>&lt;b&gt;WhaTrack Inbox&lt;/b&gt; %1&lt;br&gt;A desktop inbox for WhaTrack support agents.&lt;br&gt;Qt %2</source>
        <translation>&lt;b&gt;WhaTrack Inbox&lt;/b&gt; %1&lt;br&gt;Uma caixa de entrada para os atendentes de suporte da WhaTrack.&lt;br&gt;Qt %2</translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation>WhaTrack Inbox</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MediaActions</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Salvar como…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir arquivo</translation>
    </message>
    <message>
        <source>This kind of file (%1) is not opened from the inbox, to keep your computer safe. Use Save as… and open it only if you trust it.</source>
        <translation>Este tipo de arquivo (%1) não é aberto pela caixa de entrada, para manter seu computador seguro. Use Salvar como… e abra-o somente se confiar nele.</translation>
    </message>
    <message>
        <source>No private temporary folder could be created (%1).</source>
        <translation>Não foi possível criar uma pasta temporária privada (%1).</translation>
    </message>
    <message>
        <source>The file could not be written to %1 (%2).</source>
        <translation>Não foi possível gravar o arquivo em %1 (%2).</translation>
    </message>
    <message>
        <source>No application opens this kind of file (%1); use Save as….</source>
        <translation>Nenhum aplicativo abre este tipo de arquivo (%1); use Salvar como….</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Salvar arquivo</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Salvar como</translation>
    </message>
    <message>
        <source>The file could not be saved to %1 (%2). Choose another folder.</source>
        <translation>Não foi possível salvar o arquivo em %1 (%2). Escolha outra pasta.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MessageDelegate</name>
    <message>
        <source>1 new message</source>
        <translation>1 mensagem nova</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 mensagens novas</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lida</translation>
    </message>
    <message>
        <source>Played</source>
        <translation>Reproduzida</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Não entregue</translation>
    </message>
    <message>
        <source>Live update, confirming with the server…</source>
        <translation>Atualização ao vivo, confirmando com o servidor…</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::Money</name>
    <message>
        <source>Type the amount in reais, for example 1500,50 or 1.500,50.</source>
        <translation>Digite o valor em reais, por exemplo 1500,50 ou 1.500,50.</translation>
    </message>
    <message>
        <source>The deal value cannot be negative.</source>
        <translation>O valor do negócio não pode ser negativo.</translation>
    </message>
    <message>
        <source>“%1” is not an amount. %2</source>
        <translation>“%1” não é um valor. %2</translation>
    </message>
    <message>
        <source>“%1” has more than one decimal separator. %2</source>
        <translation>“%1” tem mais de um separador decimal. %2</translation>
    </message>
    <message>
        <source>“%1” is ambiguous: thousands or cents? Type %2 without the separator, or put a comma before the cents, as in 1500,50.</source>
        <translation>“%1” é ambíguo: milhares ou centavos? Digite %2 sem o separador, ou ponha uma vírgula antes dos centavos, como em 1500,50.</translation>
    </message>
    <message>
        <source>“%1” has more than two digits for the cents. %2</source>
        <translation>“%1” tem mais de dois dígitos nos centavos. %2</translation>
    </message>
    <message>
        <source>“%1” has the thousands separator in the wrong place. %2</source>
        <translation>“%1” tem o separador de milhares no lugar errado. %2</translation>
    </message>
    <message>
        <source>The deal value is too large (at most R$ %1).</source>
        <translation>O valor do negócio é grande demais (no máximo R$ %1).</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::MoneyEdit</name>
    <message>
        <source>Not set</source>
        <translation>Não definido</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::Notifier</name>
    <message>
        <source>A new customer</source>
        <translation>Um novo cliente</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nova mensagem</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n mensagem nova</numerusform>
            <numerusform>%n mensagens novas</numerusform>
        </translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation>WhaTrack Inbox</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1 customers</source>
        <translation>
            <numerusform>%n mensagem nova de %1 clientes</numerusform>
            <numerusform>%n mensagens novas de %1 clientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::OrganizationDialog</name>
    <message>
        <source>Choose an organization</source>
        <translation>Escolha uma organização</translation>
    </message>
    <message>
        <source>Your role: %1</source>
        <translation>Sua função: %1</translation>
    </message>
    <message>
        <source>Open inbox</source>
        <translation>Abrir caixa de entrada</translation>
    </message>
    <message>
        <source>Which inbox do you want to open?</source>
        <translation>Qual caixa de entrada você quer abrir?</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::PreferencesDialog</name>
    <message>
        <source>Same server (/connection/websocket)</source>
        <translation>Mesmo servidor (/connection/websocket)</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Só os do sistema</translation>
    </message>
    <message>
        <source>Show a notification for new customer messages</source>
        <translation>Mostrar uma notificação para novas mensagens de clientes</translation>
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation>Tocar um som a cada notificação</translation>
    </message>
    <message>
        <source>Do not disturb (hold notifications and sounds)</source>
        <translation>Não perturbe (segurar notificações e sons)</translation>
    </message>
    <message>
        <source>Start WhaTrack Inbox when I log in</source>
        <translation>Abrir o WhaTrack Inbox quando eu entrar no sistema</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Continuar rodando na bandeja quando a janela for fechada</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>Certificado de CA (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>WhaTrack address</source>
        <translation>Endereço da WhaTrack</translation>
    </message>
    <message>
        <source>Live updates address</source>
        <translation>Atualizações ao vivo</translation>
    </message>
    <message>
        <source>Messages channel</source>
        <translation>Canal de mensagens</translation>
    </message>
    <message>
        <source>Tickets channel</source>
        <translation>Canal de tickets</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Certificado de CA extra</translation>
    </message>
    <message>
        <source>Changing the server signs you in to that server and reconnects live updates.</source>
        <translation>Trocar de servidor faz login nesse servidor e reconecta as atualizações ao vivo.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation>O novo idioma vale a partir da próxima vez que o app for aberto.</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::QuickSwitcher</name>
    <message>
        <source>Quick switcher</source>
        <translation>Troca rápida</translation>
    </message>
    <message>
        <source>Go to chat: name or phone</source>
        <translation>Ir para a conversa: nome ou telefone</translation>
    </message>
    <message>
        <source>Chat to open</source>
        <translation>Conversa a abrir</translation>
    </message>
    <message>
        <source>Matching chats</source>
        <translation>Conversas encontradas</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::SignInDialog</name>
    <message>
        <source>Sign in to WhaTrack</source>
        <translation>Entrar na WhaTrack</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>voce@empresa.com.br</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Server settings…</source>
        <translation>Configurações do servidor…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::StaleBanner</name>
    <message>
        <source>Resync</source>
        <translation>Ressincronizar</translation>
    </message>
    <message>
        <source>Reload the chat list, the open conversation and its ticket.</source>
        <translation>Recarrega a lista de conversas, a conversa aberta e o ticket dela.</translation>
    </message>
    <message>
        <source>Showing saved data — not live</source>
        <translation>Mostrando dados salvos — não está ao vivo</translation>
    </message>
    <message>
        <source>Showing saved data from %1 — not live</source>
        <translation>Mostrando dados salvos de %1 — não está ao vivo</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::StatusPill</name>
    <message>
        <source>Click for connection details.</source>
        <translation>Clique para ver os detalhes da conexão.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexão: %1</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::TicketPanel</name>
    <message>
        <source>Click-to-WhatsApp ad</source>
        <translation>Anúncio de clique para o WhatsApp</translation>
    </message>
    <message>
        <source>Paid campaign</source>
        <translation>Campanha paga</translation>
    </message>
    <message>
        <source>Organic</source>
        <translation>Orgânico</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Atribuir a mim</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Remover atribuição</translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation>Valor do negócio</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganho</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Close the ticket as won (a sale).</source>
        <translation>Fecha o ticket como ganho (uma venda).</translation>
    </message>
    <message>
        <source>Close the ticket as lost.</source>
        <translation>Fecha o ticket como perdido.</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsável</translation>
    </message>
    <message>
        <source>24 h window</source>
        <translation>Janela de 24 h</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Atividade</translation>
    </message>
    <message>
        <source>No conversation selected.</source>
        <translation>Nenhuma conversa selecionada.</translation>
    </message>
    <message>
        <source>No open ticket.

A new ticket opens when the customer sends a message.</source>
        <translation>Nenhum ticket aberto.

Um novo ticket é aberto quando o cliente envia uma mensagem.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <source>Closed as won</source>
        <translation>Fechado como ganho</translation>
    </message>
    <message>
        <source>Closed as lost</source>
        <translation>Fechado como perdido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fechado</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (você)</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sem responsável</translation>
    </message>
    <message>
        <source>utm %1</source>
        <translation>utm %1</translation>
    </message>
    <message>
        <source>Not tracked</source>
        <translation>Sem rastreamento</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 mensagem</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 mensagens</translation>
    </message>
    <message>
        <source>first reply in %1</source>
        <translation>primeira resposta em %1</translation>
    </message>
    <message>
        <source>Open · %1 left</source>
        <translation>Aberta · faltam %1</translation>
    </message>
    <message>
        <source>Closed: only template messages can be sent until the customer writes again.</source>
        <translation>Fechada: só mensagens de modelo (template) podem ser enviadas até o cliente escrever de novo.</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>A alteração não foi salva: %1</translation>
    </message>
    <message>
        <source>Close as won</source>
        <translation>Fechar como ganho</translation>
    </message>
    <message>
        <source>Close as lost</source>
        <translation>Fechar como perdido</translation>
    </message>
    <message>
        <source>Close this ticket as won?</source>
        <translation>Fechar este ticket como ganho?</translation>
    </message>
    <message>
        <source>Close this ticket as lost?</source>
        <translation>Fechar este ticket como perdido?</translation>
    </message>
</context>
<context>
    <name>WhaTrack::Ui::TrayIcon</name>
    <message>
        <source>&amp;Open WhaTrack Inbox</source>
        <translation>&amp;Abrir o WhaTrack Inbox</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Silenciar notificações</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Fechar o app</translation>
    </message>
    <message>
        <source>WhaTrack Inbox</source>
        <translation>WhaTrack Inbox</translation>
    </message>
    <message numerus="yes">
        <source>WhaTrack Inbox: %n unread</source>
        <translation>
            <numerusform>WhaTrack Inbox: %n não lida</numerusform>
            <numerusform>WhaTrack Inbox: %n não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>WhaTrack Inbox is still running</source>
        <translation>O WhaTrack Inbox continua aberto</translation>
    </message>
    <message>
        <source>New messages still notify you. To quit, use Quit in this icon&apos;s menu.</source>
        <translation>Novas mensagens continuam gerando notificações. Para fechar o app, use Fechar o app no menu deste ícone.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>WhaTrack Inbox: the desktop inbox for WhaTrack agents.</source>
        <translation>WhaTrack Inbox: a caixa de entrada no desktop para os atendentes da WhaTrack.</translation>
    </message>
    <message>
        <source>WhaTrack backend base URL.</source>
        <translation>Endereço base do backend da WhaTrack.</translation>
    </message>
    <message>
        <source>Centrifugo WebSocket URL.</source>
        <translation>Endereço WebSocket do Centrifugo.</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate (PEM) for REST and WSS.</source>
        <translation>Certificado de CA extra confiável (PEM) para REST e WSS.</translation>
    </message>
    <message>
        <source>Sign in with this email.</source>
        <translation>Entrar com este e-mail.</translation>
    </message>
    <message>
        <source>Read the password from this environment variable.</source>
        <translation>Ler a senha desta variável de ambiente.</translation>
    </message>
    <message>
        <source>Open this organization&apos;s inbox.</source>
        <translation>Abrir a caixa de entrada desta organização.</translation>
    </message>
    <message>
        <source>Messages channel template, {org} = organization id.</source>
        <translation>Modelo do canal de mensagens, {org} = id da organização.</translation>
    </message>
    <message>
        <source>Tickets channel template (&apos;&apos; to not subscribe).</source>
        <translation>Modelo do canal de tickets (&apos;&apos; para não se inscrever).</translation>
    </message>
    <message>
        <source>Save a PNG of the window and quit.</source>
        <translation>Salvar um PNG da janela e fechar.</translation>
    </message>
    <message>
        <source>Delay before the screenshot (default 3000).</source>
        <translation>Espera antes da captura de tela (padrão 3000).</translation>
    </message>
    <message>
        <source>What to capture: window (default), details, or diagnostics (the details after a diagnostics run).</source>
        <translation>O que capturar: window (padrão), details ou diagnostics (os detalhes após executar o diagnóstico).</translation>
    </message>
    <message>
        <source>SQLite file of the offline cache.</source>
        <translation>Arquivo SQLite do cache offline.</translation>
    </message>
    <message>
        <source>Chat to open at start: an id, or &apos;first&apos;.</source>
        <translation>Conversa a abrir no início: um id, ou &apos;first&apos;.</translation>
    </message>
    <message>
        <source>The backend URL (--backend-url)</source>
        <translation>O endereço do backend (--backend-url)</translation>
    </message>
    <message>
        <source>The WebSocket URL (--ws-url)</source>
        <translation>O endereço WebSocket (--ws-url)</translation>
    </message>
    <message>
        <source>--screenshot-after-ms needs a number of milliseconds.</source>
        <translation>--screenshot-after-ms precisa de um número de milissegundos.</translation>
    </message>
    <message>
        <source>--screenshot-target is window, details or diagnostics.</source>
        <translation>--screenshot-target aceita window, details ou diagnostics.</translation>
    </message>
    <message>
        <source>Not a valid URL: %1</source>
        <translation>Endereço inválido: %1</translation>
    </message>
    <message>
        <source>The messages channel template needs {org}.</source>
        <translation>O modelo do canal de mensagens precisa de {org}.</translation>
    </message>
    <message>
        <source>Language of the window: en or pt_BR (default: Preferences, then the system&apos;s).</source>
        <translation>Idioma da janela: en ou pt_BR (padrão: Preferências, depois o do sistema).</translation>
    </message>
</context>
</TS>
