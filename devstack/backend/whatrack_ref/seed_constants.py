"""Demo identities, as plain literals.

devstack/up parses this file with `ast.literal_eval` (without importing the backend's
dependencies) to put the demo credentials into stack.json, so every value here must stay a
literal. seed_data.py builds the demo data from these values; a test checks the two agree.
"""

DEMO_EMAIL = "demo@whatrack.test"
DEMO_PASSWORD = "demo-password"
#: Password of the other seeded agents (see README.md).
OTHER_AGENTS_PASSWORD = "agent-password"

#: The demo agent is a member of both; the first is the demo organization (240 chats).
DEMO_ORGANIZATIONS = [
    {"id": "6fee1997-3054-5e36-acca-e789c3529ae4", "name": "Clínica Sorriso Feliz", "slug": "clinica-sorriso-feliz"},
    {"id": "aff69ae3-9907-5967-8929-a752c555e45d", "name": "Bella Moda Boutique", "slug": "bella-moda-boutique"},
]
