-- Reference WhaTrack schema (SQLite). Table names follow the real Prisma @@map names of the
-- ticket era so rows and ids line up with what the real API serialises.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- better-auth core tables ------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS "user" (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE,
    email_verified INTEGER NOT NULL DEFAULT 1,
    image          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS account (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,               -- 'credential' for email+password
    password    TEXT,                        -- scrypt$N$r$p$salt$hash, never plain text
    created_at  TEXT NOT NULL,
    UNIQUE (user_id, provider_id)
);

CREATE TABLE IF NOT EXISTS session (
    id                     TEXT PRIMARY KEY,
    token                  TEXT NOT NULL UNIQUE,
    user_id                TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
    expires_at             TEXT NOT NULL,
    ip_address             TEXT,
    user_agent             TEXT,
    active_organization_id TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);

-- better-auth organization plugin ------------------------------------------------------------
CREATE TABLE IF NOT EXISTS organization (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL UNIQUE,
    logo       TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS member (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,           -- owner | admin | member
    created_at      TEXT NOT NULL,
    UNIQUE (organization_id, user_id)
);

-- WhatsApp numbers ("instances") ---------------------------------------------------------
CREATE TABLE IF NOT EXISTS whatsapp_configs (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    phone_id        TEXT NOT NULL UNIQUE,    -- Meta phone_number_id: routes webhooks to an org
    display_phone   TEXT,
    verified_name   TEXT,
    status          TEXT NOT NULL DEFAULT 'connected',
    last_webhook_at TEXT,
    created_at      TEXT NOT NULL
);

-- Lookup tables (uuid ids, as in the real schema) -----------------------------------------------
CREATE TABLE IF NOT EXISTS crm_message_directions (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                -- INBOUND | OUTBOUND
);

CREATE TABLE IF NOT EXISTS crm_ticket_statuses (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                -- open | closed | pending | closed_won | closed_lost
);

CREATE TABLE IF NOT EXISTS crm_ticket_stages (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    color           TEXT NOT NULL,
    "order"         INTEGER NOT NULL,
    is_default      INTEGER NOT NULL DEFAULT 0,
    is_closed       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (organization_id, name)
);

-- CRM ------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS crm_leads (
    id                  TEXT PRIMARY KEY,
    organization_id     TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    name                TEXT,
    push_name           TEXT,
    phone               TEXT,
    wa_id               TEXT,
    profile_pic_url     TEXT,
    last_message_at     TEXT,
    first_message_at    TEXT,
    total_tickets       INTEGER NOT NULL DEFAULT 0,
    lifetime_value_cents INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (organization_id, wa_id)
);
CREATE INDEX IF NOT EXISTS idx_leads_org_last ON crm_leads(organization_id, last_message_at);
-- The webhook finds a lead by wa_id or phone: one index per side of that OR.
CREATE INDEX IF NOT EXISTS idx_leads_org_phone ON crm_leads(organization_id, phone);

CREATE TABLE IF NOT EXISTS crm_conversations (
    id                       TEXT PRIMARY KEY,
    organization_id          TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    lead_id                  TEXT NOT NULL REFERENCES crm_leads(id) ON DELETE CASCADE,
    instance_id              TEXT NOT NULL REFERENCES whatsapp_configs(id) ON DELETE CASCADE,
    meta_conversation_id     TEXT,
    messages_count           INTEGER NOT NULL DEFAULT 0,
    inbound_messages_count   INTEGER NOT NULL DEFAULT 0,
    outbound_messages_count  INTEGER NOT NULL DEFAULT 0,
    unread_count             INTEGER NOT NULL DEFAULT 0,
    last_inbound_at          TEXT,
    last_outbound_at         TEXT,
    first_response_time_sec  INTEGER,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    UNIQUE (lead_id, instance_id)
);
CREATE INDEX IF NOT EXISTS idx_conversations_lead ON crm_conversations(lead_id, created_at);

CREATE TABLE IF NOT EXISTS crm_tickets (
    id                       TEXT PRIMARY KEY,
    organization_id          TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    lead_id                  TEXT NOT NULL REFERENCES crm_leads(id) ON DELETE CASCADE,
    conversation_id          TEXT NOT NULL REFERENCES crm_conversations(id) ON DELETE CASCADE,
    stage_id                 TEXT NOT NULL REFERENCES crm_ticket_stages(id),
    status_id                TEXT NOT NULL REFERENCES crm_ticket_statuses(id),
    assignee_id              TEXT REFERENCES "user"(id) ON DELETE SET NULL,
    deal_value_cents         INTEGER,        -- Decimal(12,2) in Postgres; served as a string
    window_open              INTEGER NOT NULL DEFAULT 1,
    window_expires_at        TEXT,
    stage_entered_at         TEXT,
    source                   TEXT NOT NULL DEFAULT 'incoming_message',
    created_by               TEXT NOT NULL DEFAULT 'SYSTEM',
    messages_count           INTEGER NOT NULL DEFAULT 0,
    inbound_messages_count   INTEGER NOT NULL DEFAULT 0,
    outbound_messages_count  INTEGER NOT NULL DEFAULT 0,
    first_response_time_sec  INTEGER,
    resolution_time_sec      INTEGER,
    last_inbound_at          TEXT,
    last_outbound_at         TEXT,
    closed_at                TEXT,
    closed_reason            TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_tickets_conversation ON crm_tickets(conversation_id, status_id);
CREATE INDEX IF NOT EXISTS idx_tickets_stage ON crm_tickets(stage_id);

CREATE TABLE IF NOT EXISTS crm_ticket_tracking (
    ticket_id    TEXT PRIMARY KEY REFERENCES crm_tickets(id) ON DELETE CASCADE,
    utm_source   TEXT,
    utm_medium   TEXT,
    utm_campaign TEXT,
    source_type  TEXT,
    ctwaclid     TEXT,
    referrer_url TEXT,
    landing_page TEXT
);

-- Messages -------------------------------------------------------------------------------------
-- The implicit rowid orders messages that share a timestamp by arrival.
CREATE TABLE IF NOT EXISTS whatsapp_messages (
    id                   TEXT NOT NULL UNIQUE,
    wamid                TEXT NOT NULL UNIQUE,
    lead_id              TEXT NOT NULL REFERENCES crm_leads(id) ON DELETE CASCADE,
    instance_id          TEXT NOT NULL REFERENCES whatsapp_configs(id) ON DELETE CASCADE,
    app_conversation_id  TEXT REFERENCES crm_conversations(id) ON DELETE SET NULL,
    ticket_id            TEXT REFERENCES crm_tickets(id) ON DELETE SET NULL,
    direction_id         TEXT NOT NULL REFERENCES crm_message_directions(id),
    type                 TEXT NOT NULL,
    body                 TEXT,
    media_url            TEXT,               -- meta_id:<id> | r2:<path>
    status               TEXT NOT NULL,      -- pending | sent | delivered | read | failed
    timestamp            TEXT NOT NULL,
    meta_conversation_id TEXT,
    raw_meta             TEXT,               -- JSON of Meta's message object
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_messages_lead_ts ON whatsapp_messages(lead_id, timestamp);

-- Media placeholders served by /api/v1/whatsapp/media/{id} ------------------------------------
CREATE TABLE IF NOT EXISTS whatsapp_media (
    id              TEXT PRIMARY KEY,        -- Meta media id (the part after meta_id:)
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,           -- image | audio | voice | video | document | sticker
    mime_type       TEXT,                    -- as Meta reported it
    filename        TEXT,
    created_at      TEXT NOT NULL
);
