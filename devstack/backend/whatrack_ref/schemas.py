"""Pydantic models: request bodies (validated) and response shapes (documentation only).

Responses are built as plain dicts by `serializers.py` and are *not* filtered through these
models, because the real API's quirks (keys left out instead of null, `null` bodies with 404)
would be lost; the models exist so `openapi.json` describes the wire format.
"""

from __future__ import annotations

import math
import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    field_validator,
)

#: `dealValue` is a Postgres `Decimal(12, 2)` in the real schema: 10 digits before the point, 2
#: after. Larger values, more decimals, Infinity and NaN (Python's JSON parser accepts the last
#: two) are refused here rather than overflowing the cents column or a Decimal cast later.
MONEY_MAX = Decimal("9999999999.99")


def _whole_cents(value: int | float) -> int | float:
    # str(): the shortest decimal that reads back as this float (1500.55, not 1500.549999...).
    if Decimal(str(value)) != Decimal(str(value)).quantize(Decimal("0.01")):
        raise ValueError("must have at most 2 decimal places")
    return value


def is_storable_text(text: str) -> bool:
    """False for text with lone surrogates, which cannot be encoded as UTF-8 (nor stored)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


Money = Annotated[
    StrictInt | StrictFloat,
    Field(ge=0, le=float(MONEY_MAX), description="amount in the currency, >= 0, at most 2 decimals"),
    BeforeValidator(_finite),
    AfterValidator(_whole_cents),
]


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")  # zod strips unknown keys

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        # JSON may carry lone surrogates ("\\ud800"), which SQLite cannot store as UTF-8: a 400,
        # not a UnicodeEncodeError (500) at the first query. Pydantic itself catches them only
        # in length-constrained strings.
        if isinstance(value, str) and not is_storable_text(value):
            raise ValueError("text is not valid Unicode (lone surrogate)")
        return value


# -- requests ------------------------------------------------------------------------------
class SignInBody(_Body):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=256)
    rememberMe: bool | None = None


class SetActiveOrganizationBody(_Body):
    organizationId: str | None = Field(default=None, max_length=200)


class SubscriptionTokenBody(_Body):
    channel: str = Field(min_length=1, max_length=255)


class TicketPatchBody(_Body):
    """`updateTicketSchema`: absent keys are untouched; `assigneeId`/`dealValue` accept null."""

    stageId: uuid.UUID | None = None
    assigneeId: uuid.UUID | None = None
    dealValue: Money | None = None
    projectId: uuid.UUID | None = None

    @field_validator("stageId", mode="before")
    @classmethod
    def _stage_not_null(cls, value: Any) -> Any:
        # zod `.optional()` (not `.nullable()`): an explicit null is a validation error.
        if value is None:
            raise ValueError("stageId não pode ser null")
        return value


class TicketCloseBody(_Body):
    reason: Literal["won", "lost"]
    closedReason: str | None = Field(default=None, max_length=500)
    dealValue: Money | None = None

    @field_validator("closedReason", mode="before")
    @classmethod
    def _reason_not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("closedReason não pode ser null")
        return value


# -- responses (documentation) -----------------------------------------------------------------
class ErrorBody(BaseModel):
    error: str


class TokenResponse(BaseModel):
    token: str


class UserOut(BaseModel):
    id: str
    name: str
    email: str
    emailVerified: bool
    image: str | None
    createdAt: str
    updatedAt: str


class SessionOut(BaseModel):
    id: str
    token: str
    userId: str
    expiresAt: str
    ipAddress: str | None
    userAgent: str | None
    activeOrganizationId: str | None
    createdAt: str
    updatedAt: str


class SignInResponse(BaseModel):
    redirect: bool
    token: str
    user: UserOut


class GetSessionResponse(BaseModel):
    session: SessionOut
    user: UserOut


class OrganizationOut(BaseModel):
    id: str
    name: str
    slug: str
    logo: str | None
    createdAt: str
    metadata: dict[str, Any] | None


class MessageOut(BaseModel):
    """Raw ticket-era row; `direction` only with `--message-shape normalized`."""

    id: str
    wamid: str
    leadId: str
    instanceId: str
    appConversationId: str | None
    ticketId: str | None
    directionId: str
    direction: Literal["INBOUND", "OUTBOUND"] | None = None
    type: str
    body: str | None
    mediaUrl: str | None
    status: str
    timestamp: str
    metaConversationId: str | None
    rawMeta: dict[str, Any] | None
    createdAt: str
    updatedAt: str


class StageBrief(BaseModel):
    id: str
    name: str
    color: str


class StageFull(StageBrief):
    order: int
    isClosed: bool


class TrackingBrief(BaseModel):
    sourceType: str | None
    utmSource: str | None
    ctwaclid: str | None


class CurrentTicket(BaseModel):
    id: str
    status: Literal["open"]
    stage: StageBrief
    tracking: TrackingBrief | None


class ChatItem(BaseModel):
    id: str = Field(description="conversation id, or the lead id when the lead has no conversation")
    name: str
    phone: str | None
    profilePicUrl: str | None
    lastMessageAt: str
    lastMessage: MessageOut | None
    unreadCount: Literal[0]
    currentTicket: CurrentTicket | None = Field(default=None, description="key absent when no open ticket")


class ChatList(BaseModel):
    items: list[ChatItem]


class MessagePage(BaseModel):
    items: list[MessageOut]
    total: int
    page: int
    pageSize: int


class AssigneeOut(BaseModel):
    id: str
    name: str
    email: str
    image: str | None


class TicketKpis(BaseModel):
    messagesCount: int
    inboundMessagesCount: int
    outboundMessagesCount: int
    firstResponseTimeSec: int | None
    resolutionTimeSec: int | None
    createdAt: str


class LeadInsights(BaseModel):
    totalTickets: int
    lifetimeValue: str
    firstMessageAt: str | None


class TrackingFull(BaseModel):
    utmSource: str | None
    utmMedium: str | None
    utmCampaign: str | None
    sourceType: str | None
    ctwaclid: str | None
    referrerUrl: str | None
    landingPage: str | None


class ConversationTicket(BaseModel):
    id: str
    status: Literal["open", "closed_won", "closed_lost"]
    windowOpen: bool
    windowExpiresAt: str | None
    dealValue: str | None = Field(description="decimal as a string, e.g. '1500' or '99.9'")
    stage: StageFull
    assignee: AssigneeOut | None
    tracking: TrackingFull | None
    closedReason: str | None
    closedAt: str | None
    kpis: TicketKpis
    leadInsights: LeadInsights


class StageOut(StageFull):
    isDefault: bool
    ticketsCount: int


class StageList(BaseModel):
    items: list[StageOut]


class LeadBrief(BaseModel):
    id: str
    name: str | None
    phone: str | None
    pushName: str | None


class TicketSummary(BaseModel):
    id: str
    lead: LeadBrief
    stage: StageBrief
    assignee: dict[str, Any] | None
    tracking: TrackingBrief | None
    project: None
    status: str
    windowOpen: bool
    windowExpiresAt: str | None
    dealValue: float | None = Field(description="a number here (Number(decimal)), unlike the conversation ticket")
    messagesCount: int
    createdAt: str
    updatedAt: str
    closedAt: str | None = None
    closedReason: str | None = None
    salesCount: int | None = None


class WebhookAck(BaseModel):
    received: bool
    processed: dict[str, int]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "validation error"},
    401: {"model": ErrorBody, "description": "no valid session"},
    403: {"model": ErrorBody, "description": "no organization given, or not a member"},
}
