"""Demo data definitions: organizations, agents, Brazilian names and phrases.

Everything is generated from these lists with a fixed random seed, so two seeds of an empty DB
produce the same contacts and conversations (timestamps are relative to the seeding time).
The simulator reuses `contacts_for()` to write to the same customers the seed created.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from whatrack_ref.ids import stable_id
from whatrack_ref.seed_constants import DEMO_EMAIL, DEMO_ORGANIZATIONS, DEMO_PASSWORD, OTHER_AGENTS_PASSWORD

DEFAULT_SEED = 20260518


@dataclass(frozen=True)
class Instance:
    phone_id: str  # Meta phone_number_id: the simulator addresses webhooks with it
    display_phone: str
    verified_name: str


@dataclass(frozen=True)
class OrgDef:
    key: str
    id: str
    name: str
    slug: str
    chats: int
    instances: tuple[Instance, ...]
    inbound: tuple[str, ...]
    outbound: tuple[str, ...]
    captions: tuple[str, ...]
    documents: tuple[str, ...]

    def instance_id(self, index: int) -> str:
        return stable_id(f"instance:{self.instances[index].phone_id}")


@dataclass(frozen=True)
class AgentDef:
    key: str
    name: str
    email: str
    password: str
    memberships: tuple[tuple[str, str], ...]  # (org key, role)

    @property
    def id(self) -> str:
        return stable_id(f"user:{self.key}")


@dataclass(frozen=True)
class Contact:
    wa_id: str
    name: str | None  # CRM name typed by an agent (often missing)
    push_name: str | None  # WhatsApp profile name


CLINIC_INBOUND = (
    "Olá, bom dia! Gostaria de agendar uma avaliação.",
    "Oi, vocês atendem aos sábados?",
    "Qual o valor da limpeza?",
    "Boa tarde! Quanto custa o clareamento?",
    "Vocês aceitam convênio?",
    "Estou com muita dor de dente, tem horário hoje?",
    "Pode ser amanhã às 14h?",
    "Consigo parcelar no cartão?",
    "Obrigada! Até amanhã.",
    "Vou ver com meu marido e te retorno.",
    "Qual o endereço da clínica?",
    "Tem estacionamento aí perto?",
    "Preciso remarcar minha consulta, pode ser?",
    "O aparelho está machucando um pouco, é normal?",
    "Oi! Vi o anúncio no Instagram sobre implante.",
    "Perfeito, pode confirmar então.",
    "Quanto tempo dura o procedimento?",
    "Meu filho tem 7 anos, vocês atendem criança?",
    "Ok, combinado 👍",
    "Desculpa a demora, estava no trabalho.",
)
CLINIC_OUTBOUND = (
    "Olá, {first}! Tudo bem? Aqui é da Clínica Sorriso Feliz 😊",
    "Temos horário amanhã às 9h ou às 14h30. Qual prefere?",
    "A avaliação é gratuita e dura cerca de 30 minutos.",
    "Aceitamos Amil, Bradesco Dental e SulAmérica.",
    "Sim, parcelamos em até 10x sem juros no cartão.",
    "Consulta confirmada! Qualquer dúvida é só chamar.",
    "Estamos na Rua Augusta, 1500 - Consolação. Tem estacionamento conveniado.",
    "O clareamento a laser sai por R$ 890 à vista.",
    "Vou verificar com a doutora e já te retorno.",
    "Enviei o orçamento em PDF, dá uma olhadinha.",
    "Atendemos sim, a partir dos 3 anos com a Dra. Paula.",
    "Bom dia, {first}! Passando para lembrar da sua consulta amanhã.",
    "Sem problemas, remarquei para quinta às 10h.",
    "É normal nos primeiros dias, mas se persistir venha para um ajuste.",
)
CLINIC_CAPTIONS = ("Olha como está o dente", "Foto do raio-x", "Comprovante do pix", "")
CLINIC_DOCUMENTS = ("orcamento-tratamento.pdf", "plano-de-tratamento.pdf", "recibo-consulta.pdf")

STORE_INBOUND = (
    "Oi! Esse vestido ainda tem no tamanho M?",
    "Vocês entregam em Niterói?",
    "Qual o prazo de entrega?",
    "Aceita pix?",
    "Quero trocar uma blusa que ficou pequena.",
    "Tem essa saia em outra cor?",
    "Amei! Vou levar as duas.",
    "Qual o valor do frete para Copacabana?",
    "Chegou hoje, muito obrigada! ❤️",
    "Vocês têm loja física?",
    "Vi no story de vocês a calça pantalona, ainda tem?",
    "Pode separar pra mim que passo sábado?",
    "Tem cupom de primeira compra?",
    "O tecido é de algodão?",
)
STORE_OUTBOUND = (
    "Oi, {first}! Aqui é da Bella Moda 💕 Como posso ajudar?",
    "Temos sim! Tamanhos P, M e G disponíveis.",
    "Entregamos em todo o Grande Rio, prazo de 2 dias úteis.",
    "Aceitamos pix, cartão e boleto.",
    "A troca pode ser feita em até 30 dias com a etiqueta.",
    "Temos nas cores preta, off-white e verde oliva.",
    "O frete para Copacabana fica R$ 15.",
    "Separado! Fica reservado até sábado às 18h.",
    "Use o cupom BEMVINDA10 para 10% de desconto 😉",
    "Nossa loja fica na Rua Visconde de Pirajá, 300 - Ipanema.",
    "Segue a foto da peça no provador.",
)
STORE_CAPTIONS = ("Esse aqui", "Foto da etiqueta", "Ficou assim em mim", "")
STORE_DOCUMENTS = ("nota-fiscal.pdf", "comprovante-troca.pdf")

ORGS: tuple[OrgDef, ...] = (
    OrgDef(
        key="clinica",
        id=DEMO_ORGANIZATIONS[0]["id"],
        name=DEMO_ORGANIZATIONS[0]["name"],
        slug=DEMO_ORGANIZATIONS[0]["slug"],
        chats=240,
        instances=(
            Instance("104857600000001", "+55 11 4002-8922", "Clínica Sorriso Feliz"),
            Instance("104857600000002", "+55 11 93456-7788", "Sorriso Feliz Unidade Centro"),
        ),
        inbound=CLINIC_INBOUND,
        outbound=CLINIC_OUTBOUND,
        captions=CLINIC_CAPTIONS,
        documents=CLINIC_DOCUMENTS,
    ),
    OrgDef(
        key="boutique",
        id=DEMO_ORGANIZATIONS[1]["id"],
        name=DEMO_ORGANIZATIONS[1]["name"],
        slug=DEMO_ORGANIZATIONS[1]["slug"],
        chats=80,
        instances=(Instance("104857600000003", "+55 21 3555-0199", "Bella Moda Boutique"),),
        inbound=STORE_INBOUND,
        outbound=STORE_OUTBOUND,
        captions=STORE_CAPTIONS,
        documents=STORE_DOCUMENTS,
    ),
)

AGENT_PASSWORD = OTHER_AGENTS_PASSWORD

AGENTS: tuple[AgentDef, ...] = (
    AgentDef("demo", "Demo Agente", DEMO_EMAIL, DEMO_PASSWORD, (("clinica", "owner"), ("boutique", "member"))),
    AgentDef("ana", "Ana Souza", "ana.souza@whatrack.test", AGENT_PASSWORD, (("clinica", "admin"),)),
    AgentDef("bruno", "Bruno Lima", "bruno.lima@whatrack.test", AGENT_PASSWORD, (("clinica", "member"),)),
    AgentDef("carla", "Carla Mendes", "carla.mendes@whatrack.test", AGENT_PASSWORD, (("boutique", "owner"),)),
    AgentDef("diego", "Diego Alves", "diego.alves@whatrack.test", AGENT_PASSWORD, (("boutique", "member"),)),
)

FIRST_NAMES = (
    "Ana",
    "Beatriz",
    "Camila",
    "Daniela",
    "Eduarda",
    "Fernanda",
    "Gabriela",
    "Helena",
    "Isabela",
    "Juliana",
    "Larissa",
    "Mariana",
    "Natália",
    "Patrícia",
    "Rafaela",
    "Sabrina",
    "Tatiane",
    "Vanessa",
    "Yasmin",
    "Luana",
    "Adriano",
    "Bruno",
    "Carlos",
    "Diego",
    "Eduardo",
    "Felipe",
    "Gustavo",
    "Henrique",
    "Igor",
    "João",
    "Leonardo",
    "Marcelo",
    "Nicolas",
    "Otávio",
    "Paulo",
    "Rafael",
    "Samuel",
    "Thiago",
    "Vinícius",
    "Wagner",
    "Antônia",
    "Francisca",
    "Raimundo",
    "Sebastião",
    "Conceição",
    "Cláudio",
    "Rogério",
    "Márcia",
    "Sônia",
    "Lúcia",
)
SURNAMES = (
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Pinto",
    "Correia",
    "Cavalcanti",
    "Monteiro",
)
AREA_CODES = ("11", "21", "31", "41", "51", "61", "71", "81", "85", "27", "48", "62", "19", "12", "13", "24")


def org_by_key(key: str) -> OrgDef:
    return next(o for o in ORGS if o.key == key)


def contacts_for(org: OrgDef, seed: int = DEFAULT_SEED, count: int | None = None) -> list[Contact]:
    """The deterministic customer list of an organization (wa_id = 55 + DDD + 9 digits)."""
    rng = random.Random(f"{seed}:{org.key}:contacts")
    out: list[Contact] = []
    seen: set[str] = set()
    while len(out) < (count or org.chats):
        wa_id = "55" + rng.choice(AREA_CODES) + "9" + f"{rng.randrange(10**8):08d}"
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        roll = rng.random()
        name = f"{first} {last}" if roll < 0.55 else None
        push = (first if rng.random() < 0.5 else f"{first} {last[0]}.") if roll < 0.9 else None
        if wa_id not in seen:
            seen.add(wa_id)
            out.append(Contact(wa_id, name, push))
    return out


def demo_info() -> dict[str, object]:
    """What devstack/up puts in stack.json's `demo` (and what docs list): fixed for every seed."""
    demo = AGENTS[0]
    return {
        "email": demo.email,
        "password": demo.password,
        "organizations": [{"id": o.id, "name": o.name, "slug": o.slug} for o in ORGS],
        "agents": [
            {
                "id": a.id,
                "name": a.name,
                "email": a.email,
                "password": a.password,
                "memberships": [{"organizationId": org_by_key(k).id, "role": r} for k, r in a.memberships],
            }
            for a in AGENTS
        ],
        "instances": [
            {"organizationId": o.id, "phoneNumberId": i.phone_id, "displayPhone": i.display_phone}
            for o in ORGS
            for i in o.instances
        ],
    }
