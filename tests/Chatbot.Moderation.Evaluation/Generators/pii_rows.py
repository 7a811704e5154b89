#!/usr/bin/env python3
"""Writes the self-written PII and secret evaluation rows (Data/pii-eval.tsv, Data/secrets-eval.tsv).

Sentences are written here by hand; only the values are generated (seeded), so card numbers pass Luhn, IBANs carry
correct check digits and keys have the documented shape. Run: python3 Generators/pii_rows.py (from the project folder).
"""
import random, string

R = random.Random(24)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"

def rnd(n, alphabet=ALNUM):
    return "".join(R.choice(alphabet) for _ in range(n))

def luhn_complete(prefix, length):
    body = prefix + "".join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return body + str((10 - total % 10) % 10)

def group(digits, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(digits[i:i + s]); i += s
    if i < len(digits): out.append(digits[i:])
    return sep.join(out)

def iban(country, length, letters=0):
    bban = rnd(letters, string.ascii_uppercase) + rnd(length - 4 - letters, string.digits)
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - num % 97
    return f"{country}{check:02d}{bban}"

def spaced(value):
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))

rows = []
def row(label, text): rows.append((label, text))

# ---------------------------------------------------------------- cards
card_specs = [("4", 16, [4, 4, 4, 4]), ("5", 16, [4, 4, 4, 4]), ("2221", 16, [4, 4, 4, 4]), ("37", 15, [4, 6, 5]),
              ("34", 15, [4, 6, 5]), ("6011", 16, [4, 4, 4, 4]), ("35", 16, [4, 4, 4, 4]), ("36", 14, [4, 6, 4]),
              ("62", 19, [4, 4, 4, 4, 3]), ("6759", 12, [4, 4, 4]), ("5018", 13, [4, 4, 5]), ("4", 13, [4, 4, 5]),
              ("62", 17, [4, 4, 4, 5]), ("6304", 18, [4, 4, 4, 4, 2]), ("4", 19, [4, 4, 4, 4, 3]), ("5", 16, [4, 4, 4, 4])]
card_sentences = ["My card is {v}, expiry 09/28.", "Please charge {v} for the renewal.", "card number: {v}",
                  "I paid with {v} but got no receipt.", "The company card {v} was declined twice.",
                  "Use {v} (CVV 123) for the booking.", "Numéro de carte : {v}", "Kartennummer {v} bitte belasten.",
                  "Can you check why {v} keeps failing?", "refund to card {v} please", "{v} is my Visa",
                  "Mi tarjeta es {v}."]
seps = [" ", "-", "", ".", " "]
for i in range(64):
    prefix, length, sizes = card_specs[i % len(card_specs)]
    digits = luhn_complete(prefix, length)
    sep = seps[i % len(seps)]
    value = digits if sep == "" else group(digits, sizes, sep)
    row("CARD", card_sentences[i % len(card_sentences)].format(v=value))

# ---------------------------------------------------------------- IBANs (every registered country, spaced and not)
registry = {"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
            "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
            "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
            "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
            "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
            "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
            "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
            "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
            "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30}
letters = {"GB": 4, "NL": 4, "IE": 4, "BG": 4, "GI": 4, "LV": 4, "MT": 4, "RO": 4, "PK": 4, "QA": 4, "JO": 4,
           "KW": 4, "BH": 4, "AE": 0, "VG": 4, "CR": 0, "DO": 4, "GT": 4, "SV": 4, "NI": 4, "HN": 4, "LC": 4, "SC": 4,
           "MU": 4, "PS": 4, "AZ": 4, "GE": 2, "MD": 2, "UA": 0, "IT": 1, "SM": 1, "BR": 0}
iban_sentences = ["Transfer it to {v}.", "IBAN {v}", "Please pay into {v} by Friday.", "My account: {v}",
                  "Send the refund to IBAN {v} thanks", "Bankverbindung: {v}", "RIB / IBAN : {v}",
                  "wire {v} (beneficiary Ann Lee)"]
for i, (country, length) in enumerate(sorted(registry.items())):
    value = iban(country, length, letters.get(country, 0))
    shown = spaced(value) if i % 2 == 0 else value
    row("IBAN", iban_sentences[i % len(iban_sentences)].format(v=shown))

# ---------------------------------------------------------------- phones (national and international, many countries)
phones = [
    "Call me on +44 20 7946 0958 after lunch.", "My mobile is +1 (415) 555-0132.", "Ring +49 30 1234567 for the Berlin office.",
    "You can text +33 6 12 34 56 78 anytime.", "Our number: (212) 555-0187.", "Appelez-moi au 06 12 34 56 78.",
    "UK landline 020 7946 0123 during office hours.", "Ruf an: 030 12345678", "International: 0044 161 496 0000",
    "Whatsapp +91 98765 43210", "Office line 212.555.0143", "my number is 07700 900 966",
    "Mi móvil es 699 956 915.", "He left (99) 645-791 on the form.", "Llámame al 612 34 56 78 mañana.",
    "Handy: 0151 23456789", "Erreichbar unter 089 1234567", "Numero di cellulare 333 123 4567",
    "Bel me op 06-12345678", "Mijn nummer is 020 123 4567.", "Mon portable : 07 81 23 45 67",
    "Tel. 0470 12 34 56 (Brussels)", "Natel 079 123 45 67", "Ruf mich an: 0664 1234567",
    "Zadzwoń: 512 345 678", "Ring mig på 070-123 45 67", "Telefon: 412 34 567", "Mit nummer er 20 12 34 56",
    "WhatsApp: (11) 91234-5678", "Ligue para (21) 2345-6789", "Mi celular: 55 1234 5678", "Llamá al 011 4123-4567",
    "Call 98765 43210 after 6pm", "Office: 022 2345 6789", "Mobile 0412 345 678", "Phone (02) 9876 5432",
    "Text me on 021 123 4567", "携帯: 090-1234-5678", "電話 03-1234-5678", "My Korean number is 010-1234-5678",
    "手机 138 0013 8000", "Cell: 082 123 4567", "Call 0803 123 4567 (Lagos)", "Numaram 0532 123 45 67",
    "Звоните: 8 (912) 345-67-89", "+7 912 345-67-89 is my Telegram", "Mobile 087 123 4567 (Dublin)",
    "Telemóvel 912 345 678", "Mobil 601 123 456", "Puhelin 040 1234567", "Reach me at +61 2 9876 5432",
    "+81 3-1234-5678 is the Tokyo desk.", "Fax +41 44 668 18 00", "+55 11 91234 5678 (São Paulo)",
    "+52 55 1234 5678 is the Mexico office", "+34 612 345 678", "+39 02 1234 5678", "+31 6 12345678",
    "+48 22 123 45 67", "+27 21 123 4567", "+234 803 123 4567", "+90 532 123 45 67", "+353 87 123 4567",
    "+972 52-123-4567", "+971 50 123 4567", "+82 10-1234-5678", "+86 138 0013 8000", "+64 21 123 4567",
    "+1 646 555 0123 (New York)", "Contact number 0161 496 0000", "Call 07700900123 if lost",
    "Tel.: +43 1 5123456", "Please phone +32 2 123 45 67", "Dial 020 3123 4567 for support",
]
for text in phones:
    row("PHONE", text)

# ---------------------------------------------------------------- e-mail, SSN, IP (kept from the first set, more added)
for text in ["Please write to anna.schmidt@example.com about the invoice.", "My address is j.doe+newsletter@mail.co.uk, send it there.",
             "Contact: support@sub.domain-name.io", "e-mail me at PAUL_99@Example.ORG tomorrow", "forward it to maria.garcia@universidad.es please",
             "cc: obrien@company.ie", "The owner is zhang.wei@corp.cn", "reach out (hello@startup.ai) for a demo",
             "Mail: k.nakamura@firma.co.jp", "send to first.last@gov.uk", "it's tom-99@web.de", "<li>jane_roe@mailbox.org</li>",
             "email=ops.team@internal.example.net", "Écrivez à élise@exemple.fr ou a elise@exemple.fr"]:
    row("EMAIL", text)
for text in ["My SSN is 123-45-6789.", "social security number 219-09-9999 on the form", "SSN: 078 05 1120",
             "Employee SSN 536-22-1234 must be verified.", "ssn 401-12-3456", "Her SSN, 512-34-7788, is on file."]:
    row("SSN", text)
for text in ["The server is at 192.168.1.20.", "Block requests from 203.0.113.45 please.", "My home IP is 81.2.69.160",
             "ssh admin@10.0.0.5 failed", "IPv6 address 2001:db8:85a3::8a2e:370:7334 is unreachable.", "ping fe80::1ff:fe23:4567:890a",
             "connect to 172.16.254.1:8080", "allowlist 198.51.100.7 and 198.51.100.8"]:
    row("IP", text)

# ---------------------------------------------------------------- PII look-alikes
bad_luhn = luhn_complete("4", 16); bad_luhn = bad_luhn[:-1] + str((int(bad_luhn[-1]) + 1) % 10)
good_iban = iban("DE", 22); bad_iban = good_iban[:-1] + str((int(good_iban[-1]) + 1) % 10)
pii_lookalikes = [
    f"Order number {group(bad_luhn, [4,4,4,4], ' ')} has shipped.", "Reference 1234 5678 9012 3456 on the parcel.",
    f"IBAN {spaced(bad_iban)} was rejected as invalid.", "Invoice DE00 1234 5678 9012 3456 78", "Version 10.0.401 of the SDK is installed.",
    "Meet me at 10:30:45 near the station.", "The meeting is on 2024-05-06 at 14:00.", "ISBN 978-3-16-148410-0 is the book.",
    "SSN format is 000-12-3456, which is never issued.", "Tracking ID 9400-1000-0000-0000-0000 is pending.",
    "The population grew from 1,234,567 to 2,345,678.", "Pi is about 3.14159265358979.", "Room 101, floor 3, building 12.",
    "My user name is anna.schmidt at the forum.", "Send it to the address in the footer, not by e-mail.",
    "The recipe needs 250 g flour and 2 eggs.", "Error code 0x80070005 appeared.", "Coordinates 48.8584, 2.2945 are the Eiffel Tower.",
    "A GUID looks like 3f2504e0-4f89-11d3-9a0c-0305e82c3301.", "Call the function with arguments 12, 345, 6789.",
    "Score was 123-45 in the final.", "Product code 666-12-3456 is discontinued.", "Set the timeout to 30000 ms.",
    "The hash is 5d41402abc4b2a76b9719d911017c592.", "Price: 1 299,00 EUR", "Between 1990 and 2020 sales doubled.",
    "Look at page 2001 of the manual.", "My phone is broken, can you help?", "We sold 4 000 000 units in 2023.",
    "Order #1002394857 was delivered.", "Invoice no. 2024-000123 is overdue.", "The total is $1,249.99 including tax.",
    "It costs 12 999 kr in Sweden.", "Flight LH 2043 departs at 07:45.", "Release 2.14.3 fixed it.", "Build 20240506.3 failed.",
    "Use version 1.2.3-beta.4 for now.", "The date 06.05.2024 is a Monday.", "On 12/31/2023 we closed the books.",
    "The range is 100-200 items.", "Temperature was 21.5 degrees.", "Resolution 1920x1080 at 60 Hz.", "A4 is 210 x 297 mm.",
    "Unix time 1700000000 is in November 2023.", "Ticket 48213-77 is assigned to you.", "Postcode 75008 is Paris.",
    "ZIP 94107-1234 is San Francisco.", "The answer is 42, not 4 200 000.", "Chapter 3.4.1 explains it.",
    "Our revenue was 12.345.678 euro last year.", "Measure 2.54 cm per inch.", "The ratio is 16:9.", "Step 1 of 12.",
    "Serial number SN-4829-1734-22 on the back.", "Case ID 2023-CV-004512", "The sum 123 + 456 = 579.",
    "Bus 42 leaves every 15 minutes.", "Account 12345678 at our shop (loyalty card, not a bank).", "Lot 7731 expires 2026-01.",
    "The year 2024 had 366 days.", "Gate B12, seat 14C.", "Model XPS 9310 laptop.", "Pay 3 x 49.99 in instalments.",
    "git commit 9fceb02d0ae598e95dc970b74767f19372d61af8", "Part no. 0815-4711-0042", "The odds were 1 in 292,201,338.",
    "The file is 2,048,576 bytes.", "Latitude 51.5074, longitude -0.1278.", "Question 7 of the 2019 exam.",
    "Approx. 8 000 000 000 people live on Earth.", "Patch 14.2.1 (build 5512)", "Set max_tokens to 4096.",
    "RFC 7519 defines JWTs.", "Use port 5432 for PostgreSQL.", "Interval 09:00-17:30 daily.", "Order 4111 1111 1111 1112 shipped",
    "Contract 2023/4471/B signed.", "Line 1234 of main.c", "The IBAN format starts with two letters.", "Card ending in 4242 was charged.",
    "SSN has nine digits.", "192.168 is a private range prefix.", "Add 0.1 and 0.2.", "Invoice INV-2024-0042.",
    "He ran 10 000 m in 27:43.", "Colour #1a2b3c", "Count from 1 to 10.", "The phone model is iPhone 15 Pro.",
    "UUID 123e4567-e89b-12d3-a456-426614174000", "Episode 4 season 2", "Page 12-15 of the report.", "Size 38-40 EU.",
    "Weight: 72.5 kg", "Vote 2,345 to 1,987.", "Batch 2024.11.03-07", "ISO 8601: 2024-05-06T14:00:00Z",
    "Kilometre 123.456 on the A7.", "Order ID: 5500 0000 0000 0005", "Reference number 0123 4567 89",
    "Invoice total 12 345 678 euros", "Sort the list 5, 3, 8, 1, 9, 2, 7.", "Version 2.0.0.1234",
]
for text in pii_lookalikes:
    row("NONE", text)

with open("Data/pii-eval.tsv", "w") as f:
    f.write("label\ttext\n# Self-written: one expected kind per line (EMAIL, PHONE, CARD, IBAN, SSN, IP) or NONE for a look-alike that must not\n")
    f.write("# be reported. Values generated by Generators/pii_rows.py (Luhn-valid cards, check-digit-valid IBANs of every registry country).\n")
    for label, text in rows:
        f.write(f"{label}\t{text}\n")

# ================================================================ secrets (Data/secrets-eval.tsv)
secret_rows = []
def secret(label, text): secret_rows.append((label, text))
U, L, D = string.ascii_uppercase, string.ascii_lowercase, string.digits
B32 = U + "234567"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "_-"

def pem(kind):
    body = "\\n".join(rnd(64, B64) for _ in range(3))
    return f"-----BEGIN {kind}-----\\n{body}\\n-----END {kind}-----"

def jwt():
    import base64, json
    enc = lambda o: base64.urlsafe_b64encode(json.dumps(o).encode()).decode().rstrip("=")
    return f"{enc({'alg': 'HS256', 'typ': 'JWT'})}.{enc({'sub': rnd(8, D), 'iat': 1700000000 + R.randint(0, 10**6)})}.{rnd(43, URLSAFE)}"

generators = {
    "aws-access-key-id": lambda: "AKIA" + rnd(16, B32),
    "aws-secret-access-key": lambda: "aws_secret_access_key = " + rnd(40, ALNUM + "/+"),
    "google-api-key": lambda: "AIza" + rnd(35, URLSAFE),
    "google-oauth-client-secret": lambda: "GOCSPX-" + rnd(28, URLSAFE),
    "google-oauth-access-token": lambda: "ya29." + rnd(120, URLSAFE),
    "gcp-service-account": lambda: '{"type": "service_account", "project_id": "shop-prod", "private_key_id": "' + rnd(40, HEX) + '"}',
    "azure-storage-key": lambda: "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=" + rnd(86, B64) + "==;EndpointSuffix=core.windows.net",
    "azure-ad-client-secret": lambda: rnd(3, ALNUM) + rnd(1, D) + "Q~" + rnd(34, ALNUM + "_~.-"),
    "azure-sas": lambda: "https://shopdata.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=" + rnd(43, ALNUM) + "%3D",
    "digitalocean-token": lambda: R.choice(["dop", "doo", "dor"]) + "_v1_" + rnd(64, HEX),
    "heroku-api-key": lambda: "HRKU-" + rnd(60, URLSAFE),
    "github-classic-token": lambda: "ghp_" + rnd(36),
    "github-oauth-token": lambda: "gho_" + rnd(36),
    "github-app-token": lambda: R.choice(["ghs_", "ghu_"]) + rnd(36),
    "github-fine-grained-token": lambda: "github_pat_11" + rnd(20, U + D) + "_" + rnd(59),
    "gitlab-token": lambda: R.choice(["glpat-", "gldt-", "glrt-"]) + rnd(20, URLSAFE),
    "bitbucket-app-password": lambda: "ATBB" + rnd(24) + rnd(8, HEX.upper()),
    "atlassian-api-token": lambda: "ATATT3xFfGF0" + rnd(170, URLSAFE) + "=" + rnd(8, HEX.upper()),
    "stripe-live-secret": lambda: "sk_live_" + rnd(99),
    "stripe-test-secret": lambda: "sk_test_" + rnd(24),
    "stripe-restricted": lambda: "rk_live_" + rnd(99),
    "stripe-webhook-secret": lambda: "whsec_" + rnd(32),
    "braintree-access-token": lambda: f"access_token$production${rnd(16, L + D)}${rnd(32, HEX)}",
    "paypal-client-secret": lambda: "PAYPAL_CLIENT_SECRET=" + rnd(80, URLSAFE),
    "square-access-token": lambda: "EAAA" + rnd(60, URLSAFE),
    "square-oauth-secret": lambda: "sq0csp-" + rnd(43, URLSAFE),
    "shopify-token": lambda: R.choice(["shpat_", "shpss_", "shpca_"]) + rnd(32, HEX),
    "slack-bot-token": lambda: f"xoxb-{rnd(12, D)}-{rnd(13, D)}-{rnd(24)}",
    "slack-user-token": lambda: f"xoxp-{rnd(12, D)}-{rnd(12, D)}-{rnd(13, D)}-{rnd(32, HEX)}",
    "slack-webhook": lambda: f"https://hooks.slack.com/services/T{rnd(8, U + D)}/B{rnd(10, U + D)}/{rnd(24)}",
    "discord-bot-token": lambda: R.choice("MN") + rnd(25) + "." + rnd(6, URLSAFE) + "." + rnd(38, URLSAFE),
    "discord-webhook": lambda: f"https://discord.com/api/webhooks/{rnd(19, D)}/{rnd(68, URLSAFE)}",
    "telegram-bot-token": lambda: f"{rnd(10, D)}:AA{rnd(33, URLSAFE)}",
    "twilio-api-key": lambda: "SK" + rnd(32, HEX),
    "twilio-auth-token": lambda: "TWILIO_AUTH_TOKEN=" + rnd(32, HEX),
    "sendgrid-api-key": lambda: "SG." + rnd(22, URLSAFE) + "." + rnd(43, URLSAFE),
    "mailgun-api-key": lambda: R.choice(["key-" + rnd(32, HEX), rnd(32, HEX) + "-" + rnd(8, HEX) + "-" + rnd(8, HEX)]),
    "mailchimp-api-key": lambda: rnd(32, HEX) + "-us" + str(R.randint(1, 21)),
    "openai-project-key": lambda: "sk-proj-" + rnd(156, URLSAFE),
    "openai-service-key": lambda: "sk-svcacct-" + rnd(156, URLSAFE),
    "openai-legacy-key": lambda: "sk-" + rnd(20) + "T3BlbkFJ" + rnd(20),
    "anthropic-api-key": lambda: "sk-ant-api03-" + rnd(93, URLSAFE) + "AA",
    "huggingface-token": lambda: "hf_" + rnd(34, string.ascii_letters),
    "cohere-api-key": lambda: "COHERE_API_KEY=" + rnd(40),
    "groq-api-key": lambda: "gsk_" + rnd(52),
    "replicate-api-token": lambda: "r8_" + rnd(37),
    "google-ai-key": lambda: "GEMINI_API_KEY=AIza" + rnd(35, URLSAFE),
    "postgres-url": lambda: f"postgres://app:{rnd(14, ALNUM + '!#%')}@db.internal:5432/shop",
    "mysql-url": lambda: f"mysql://root:{rnd(12)}@10.0.0.4:3306/orders",
    "mongodb-url": lambda: f"mongodb+srv://svc:{rnd(16)}@cluster0.ab1cd.mongodb.net/prod",
    "redis-url": lambda: f"rediss://default:{rnd(24)}@cache.internal:6380/0",
    "amqp-url": lambda: f"amqp://worker:{rnd(16)}@rabbit.internal:5672/vhost",
    "rsa-private-key": lambda: pem("RSA PRIVATE KEY"),
    "pkcs8-private-key": lambda: pem("PRIVATE KEY"),
    "openssh-private-key": lambda: pem("OPENSSH PRIVATE KEY"),
    "pgp-private-key": lambda: pem("PGP PRIVATE KEY BLOCK"),
    "jwt": jwt,
    "npm-token": lambda: "npm_" + rnd(36),
    "nuget-api-key": lambda: "oy2" + rnd(43, L + D),
    "pypi-token": lambda: "pypi-AgEIcHlwaS5vcmc" + rnd(60, URLSAFE),
    "docker-hub-token": lambda: "dckr_pat_" + rnd(27, URLSAFE),
    "datadog-api-key": lambda: "DD_API_KEY=" + rnd(32, HEX),
    "new-relic-user-key": lambda: "NRAK-" + rnd(27, U + D),
    "new-relic-license-key": lambda: rnd(36, HEX) + "NRAL",
    "sentry-dsn": lambda: f"https://{rnd(32, HEX)}@o{rnd(6, D)}.ingest.sentry.io/{rnd(7, D)}",
    "generic-secret": lambda: R.choice(["client_secret", "SECRET_KEY", "signing_key", "api_key", "webhook_secret"]) + R.choice([" = ", ": ", "="]) + rnd(32, ALNUM + "_-"),
    "generic-password": lambda: R.choice(["password", "DB_PASSWORD", "smtp_pass", "admin_pwd"]) + R.choice([" = ", ": ", "="]) + rnd(12, ALNUM + "!@#$%"),
}
kind_of = lambda name: ("PRIVATE_KEY" if "private-key" in name else "JWT" if name == "jwt"
                        else "CONNECTION_STRING" if name.endswith("-url") or name == "azure-storage-key" else "API_KEY")
contexts = ["Here is my key {v} for testing.", "config: {v}", "export TOKEN={v}", "Why does {v} give a 401?",
            "```\n{v}\n```".replace("\n", "\\n"), "I pasted {v} into the env file, is that safe?", "key={v}", "The log shows {v} on line 3."]
for name, make in generators.items():
    for i in range(3):
        value = make()
        # A zero-width space inside each value keeps the committed file from looking like a leaked key to secret
        # scanners; the detector sees the text after TextNormalizer.Clean (as in production), which removes it.
        cut = min(6, len(value) // 3)
        value = value[:cut] + "\u200b" + value[cut:]
        template = contexts[(len(secret_rows) + i) % len(contexts)]
        if "=" in value.split("://")[0][:40] and not value.startswith(("DefaultEndpoints", "https")):
            template = R.choice(["{v}", "In .env: {v}", "my settings: {v} (prod)"])
        secret(f"{kind_of(name)}:{name}", template.format(v=value))

# Look-alikes: placeholders, docs examples, hashes, UUIDs, base64 images, public material, truncated keys.
secret_lookalikes = [
    "Set OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx in your shell.", "The key looks like sk-... and is 51 characters long.",
    "Use sk-proj-YOUR_KEY_HERE in the example.", "export OPENAI_API_KEY=<your-api-key>", "AWS example key AKIAIOSFODNN7EXAMPLE from the docs",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "token: ghp_************************************", "stripe.api_key = 'sk_test_...'", "Publishable key pk_live_" + rnd(24) + " goes in the page.",
    "pk_test_" + rnd(24) + " is safe to ship to the browser.", "Stripe keys start with sk_live_ or sk_test_.",
    "xoxb-your-bot-token", "SLACK_BOT_TOKEN=xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX",
    "password = ${DB_PASSWORD}", "password: process.env.DB_PASSWORD", "postgres://user:password@localhost:5432/db",
    "postgres://postgres:<password>@localhost/app", "mongodb+srv://<username>:<password>@cluster0.mongodb.net/",
    "redis://:${REDIS_PASSWORD}@localhost:6379", "amqp://guest:****@localhost:5672/", "Set api_key = YOUR_API_KEY",
    "api_key: ${{ secrets.API_KEY }}", "client_secret = os.environ['CLIENT_SECRET']", "SECRET_KEY = settings.SECRET_KEY",
    "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + rnd(40, B64) + "\\n-----END PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----\\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\\n-----END CERTIFICATE-----",
    "-----BEGIN PGP PUBLIC KEY BLOCK-----\\nmQINBF" + rnd(40, B64) + "\\n-----END PGP PUBLIC KEY BLOCK-----",
    "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + rnd(60, B64) + " me@laptop",
    "The JWT format is header.payload.signature.", "A JWT starts with eyJ because of the JSON header.",
    "sha256: " + rnd(64, HEX), "md5 " + rnd(32, HEX), "commit " + rnd(40, HEX), "git checkout " + rnd(7, HEX),
    "Merge " + rnd(40, HEX) + " into main", "request id " + "-".join(rnd(n, HEX) for n in (8, 4, 4, 4, 12)),
    "traceparent: 00-" + rnd(32, HEX) + "-" + rnd(16, HEX) + "-01", "ETag: \"" + rnd(32, HEX) + "\"",
    "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" + rnd(40, B64) + "\">",
    "integrity=\"sha512-" + rnd(86, B64) + "==\"", "The npm token format is npm_ followed by 36 characters.",
    "glpat-xxxxxxxxxxxxxxxxxxxx is a placeholder", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Set HF_TOKEN=hf_...",
    "Use a key like AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "token = 'abcdefghijklmnopqrstuvwxyz123456'",
    "secret: 0000000000000000000000000000", "api_key = 1234567890abcdef1234567890abcdef", "max_tokens: 4096",
    "The token count was 1843.", "access_token expires_in 3600", "password: must be at least 12 characters",
    "Reset your password: click the link we sent.", "secret = \"changeme\"", "password=password", "Password: hunter2",
    "SECRET_KEY=replace-me-with-a-long-random-string", "Set the secret in the vault, not here.",
    "The webhook URL is https://hooks.slack.com/services/T000/B000/XXXX", "https://discord.com/api/webhooks/<id>/<token>",
    "DSN: https://examplePublicKey@o0.ingest.sentry.io/0", "The Sentry DSN goes in SENTRY_DSN.",
    "dckr_pat_XXXXXXXXXXXXXXXXXXXXXXXXXXX", "NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX",
    "The UUID " + "-".join(rnd(n, HEX) for n in (8, 4, 4, 4, 12)) + " identifies the tenant.",
    "Base64 of hello world is aGVsbG8gd29ybGQ=", "docker pull nginx@sha256:" + rnd(64, HEX),
    "bitcoin address 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "Cache key user:42:profile", "key=value pairs are separated by &.",
    "Use token-based auth with a bearer token.", "The secret sauce is patience.", "api-key header must be present",
    "Azure key vault name: kv-shop-prod", "tokenizer: o200k_base", "sk-ant-api03-... (redacted)", "Your key: sk-proj-***",
    "ghp_ tokens are classic PATs", "Bearer <token>", "Authorization: Bearer $TOKEN", "GOCSPX-your-client-secret",
    "pypi-AgEIcHlwaS5vcmc... is how PyPI tokens begin", "oy2 prefix is used by NuGet keys", "secret_key_base: <%= ENV['SECRET_KEY_BASE'] %>",
    "AccountKey=<storage-account-key>", "Server=localhost;Database=app;Trusted_Connection=True;",
    "Server=db;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;", "mysql://root@localhost/test",
    "The hash " + rnd(40, HEX) + " matches the release.", "Session id " + rnd(26, L + D), "color: #" + rnd(6, HEX),
    "file " + rnd(32, HEX) + ".png", "AKIA followed by 16 characters is an access key id",
    "checksum=" + rnd(64, HEX), "nonce: " + rnd(16, HEX), "The order token is ORD-2024-0001",
    "Version hash v1.4.2-" + rnd(7, HEX), "base64: " + rnd(60, B64) + "==", "Image data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ" + rnd(50, B64),
]
for text in secret_lookalikes:
    secret("NONE", text)
with open("Data/secrets-eval.tsv", "w") as f:
    f.write("label\ttext\n# Self-written: expected kind:format (API_KEY, PRIVATE_KEY, JWT, CONNECTION_STRING; the provider format after the colon) or NONE for a\n")
    f.write("# look-alike (placeholders, docs examples, hashes, UUIDs, base64 images, public keys). Values from Generators/pii_rows.py;\n")
    f.write("# each value holds a zero-width space (removed by TextNormalizer.Clean before detection) so that secret scanners leave the file alone.\n")
    for label, text in secret_rows:
        f.write(f"{label}\t{text}\n")
