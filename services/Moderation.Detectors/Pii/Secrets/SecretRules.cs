using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>
/// The secret formats a chatbot backend meets, from each provider's documentation. Order matters: earlier rules win
/// where matches overlap (a database URL before the generic <c>password=</c> assignment).
/// </summary>
public static class SecretRules
{
    private const string Start = @"(?<![A-Za-z0-9_+/-])";
    private const string End = @"(?![A-Za-z0-9_+/=-])";
    private const string Assign = @"[""']?\s*(?:=|:|=>|:=)\s*[""']?";

    public static readonly IReadOnlyList<SecretRule> All =
    [
        // Private keys and tokens with a structure of their own.
        Rule("private-key", PiiKinds.PrivateKey, "-----BEGIN ", @"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?<v>[\s\S]*?)(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\z)"),
        Rule("age-secret-key", PiiKinds.PrivateKey, "AGE-SECRET-KEY-1", @"AGE-SECRET-KEY-1[0-9A-Z]{58}"),
        Rule("jwt", PiiKinds.Jwt, "eyJ", Start + @"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}"),
        // Database URLs and connection strings with a password.
        Rule("database-url", PiiKinds.ConnectionString, "://", @"(?<![\w+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|sqlserver|mssql|jdbc:[a-z]+)://[^\s:/@]*:(?<v>[^\s@/]+)@[^\s""'<>]+", SecretCheck.Password),
        Rule("ado-connection-string", PiiKinds.ConnectionString, "=", @"(?i:(?:server|host|data source)=[^;\n]{1,200};[^\n]{0,300}?(?:password|pwd)=(?<v>[^;\s]+);?)", SecretCheck.Password),
        Rule("azure-storage-key", PiiKinds.ConnectionString, "=", @"(?i:accountkey=)(?<v>[A-Za-z0-9+/]{40,}={0,2})"),
        // Cloud.
        Rule("aws-access-key-id", PiiKinds.ApiKey, "A", Start + @"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}" + End),
        Rule("aws-secret-access-key", PiiKinds.ApiKey, null, @"(?i:aws[\w.-]{0,30}?(?:secret|sk)[\w.-]{0,20})" + Assign + @"(?<v>[A-Za-z0-9/+]{40})" + End, SecretCheck.HighEntropy, Assignment: true),
        Rule("google-api-key", PiiKinds.ApiKey, "AIza", Start + @"AIza[0-9A-Za-z_-]{35}" + End),
        Rule("google-oauth-client-secret", PiiKinds.ApiKey, "GOCSPX-", @"GOCSPX-[A-Za-z0-9_-]{28}"),
        Rule("google-oauth-access-token", PiiKinds.ApiKey, "ya29.", Start + @"ya29\.[0-9A-Za-z_-]{30,}"),
        Rule("gcp-service-account-key-id", PiiKinds.ApiKey, "private_key_id", @"""private_key_id""\s*:\s*""(?<v>[a-f0-9]{40})"""),
        Rule("azure-ad-client-secret", PiiKinds.ApiKey, "Q~", @"(?<![\w~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])"),
        Rule("azure-sas-signature", PiiKinds.ApiKey, "sig=", @"[?&]sig=(?<v>[A-Za-z0-9%+/=]{40,})"),
        Rule("digitalocean-token", PiiKinds.ApiKey, "_v1_", Start + @"do[opr]_v1_[a-f0-9]{64}" + End),
        Rule("heroku-api-key", PiiKinds.ApiKey, "HRKU-", Start + @"HRKU-[A-Za-z0-9_-]{20,}"),
        // Version control and CI.
        Rule("github-classic-token", PiiKinds.ApiKey, "ghp_", Start + @"ghp_[A-Za-z0-9]{36,255}" + End),
        Rule("github-oauth-token", PiiKinds.ApiKey, "gho_", Start + @"gho_[A-Za-z0-9]{36,255}" + End),
        Rule("github-app-token", PiiKinds.ApiKey, "gh", Start + @"gh[usr]_[A-Za-z0-9]{36,255}" + End),
        Rule("github-fine-grained-token", PiiKinds.ApiKey, "github_pat_", Start + @"github_pat_[A-Za-z0-9_]{22,255}" + End),
        Rule("gitlab-token", PiiKinds.ApiKey, "gl", Start + @"gl(?:pat|dt|rt|ptt|oas|cbt|imt|ft|soat|agent)-[A-Za-z0-9_-]{20,}" + End),
        Rule("gitlab-runner-registration", PiiKinds.ApiKey, "GR1348941", Start + @"GR1348941[A-Za-z0-9_-]{20,}" + End),
        Rule("bitbucket-app-password", PiiKinds.ApiKey, "ATBB", Start + @"ATBB[A-Za-z0-9_=.-]{28,}" + End),
        Rule("atlassian-api-token", PiiKinds.ApiKey, "AT", Start + @"AT(?:ATT|CTT)3[A-Za-z0-9_=-]{40,}" + End),
        // Payments.
        Rule("stripe-secret-key", PiiKinds.ApiKey, "sk_", Start + @"sk_(?:live|test)_[A-Za-z0-9]{16,247}" + End),
        Rule("stripe-restricted-key", PiiKinds.ApiKey, "rk_", Start + @"rk_(?:live|test)_[A-Za-z0-9]{16,247}" + End),
        Rule("stripe-webhook-secret", PiiKinds.ApiKey, "whsec_", Start + @"whsec_[A-Za-z0-9+/=]{24,}" + End),
        Rule("braintree-access-token", PiiKinds.ApiKey, "access_token$", @"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}"),
        Rule("square-token", PiiKinds.ApiKey, null, Start + @"(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})" + End),
        Rule("shopify-token", PiiKinds.ApiKey, "shp", Start + @"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}" + End),
        // Messaging.
        Rule("slack-token", PiiKinds.ApiKey, "xox", Start + @"xox[bpaeors]-(?:\d+-)?[A-Za-z0-9-]{10,}"),
        Rule("slack-app-token", PiiKinds.ApiKey, "xapp-", Start + @"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{32,}"),
        Rule("slack-webhook", PiiKinds.ApiKey, "hooks.slack.com", @"https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"),
        Rule("discord-webhook", PiiKinds.ApiKey, "/api/webhooks/", @"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{15,21}/[A-Za-z0-9_-]{60,70}"),
        Rule("discord-bot-token", PiiKinds.ApiKey, ".", Start + @"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}" + End),
        Rule("telegram-bot-token", PiiKinds.ApiKey, ":AA", @"(?<![\w:])\d{8,10}:AA[A-Za-z0-9_-]{33}" + End),
        Rule("twilio-api-key", PiiKinds.ApiKey, "SK", Start + @"SK[0-9a-fA-F]{32}" + End),
        Rule("sendgrid-api-key", PiiKinds.ApiKey, "SG.", Start + @"SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}" + End),
        Rule("mailgun-api-key", PiiKinds.ApiKey, "key-", Start + @"key-[0-9a-f]{32}" + End),
        Rule("mailchimp-api-key", PiiKinds.ApiKey, "-us", Start + @"[0-9a-f]{32}-us\d{1,2}" + End),
        // AI providers.
        Rule("anthropic-api-key", PiiKinds.ApiKey, "sk-ant-", Start + @"sk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{20,}"),
        Rule("openrouter-api-key", PiiKinds.ApiKey, "sk-or-", Start + @"sk-or-v1-[a-f0-9]{64}" + End),
        Rule("openai-project-key", PiiKinds.ApiKey, "sk-", Start + @"sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}"),
        Rule("openai-legacy-key", PiiKinds.ApiKey, "sk-", Start + @"sk-[A-Za-z0-9]{32,}" + End),
        Rule("huggingface-token", PiiKinds.ApiKey, "_", Start + @"(?:hf|api_org)_[A-Za-z0-9]{30,}" + End),
        Rule("groq-api-key", PiiKinds.ApiKey, "gsk_", Start + @"gsk_[A-Za-z0-9]{48,}" + End),
        Rule("replicate-api-token", PiiKinds.ApiKey, "r8_", Start + @"r8_[A-Za-z0-9]{30,}" + End),
        Rule("perplexity-api-key", PiiKinds.ApiKey, "pplx-", Start + @"pplx-[A-Za-z0-9]{40,}" + End),
        Rule("xai-api-key", PiiKinds.ApiKey, "xai-", Start + @"xai-[A-Za-z0-9]{40,}" + End),
        // Package registries and developer platforms.
        Rule("npm-token", PiiKinds.ApiKey, "npm_", Start + @"npm_[A-Za-z0-9]{36}" + End),
        Rule("nuget-api-key", PiiKinds.ApiKey, "oy2", Start + @"oy2[a-z0-9]{43}" + End),
        Rule("pypi-token", PiiKinds.ApiKey, "pypi-", Start + @"pypi-AgE[A-Za-z0-9_-]{50,}"),
        Rule("docker-hub-token", PiiKinds.ApiKey, "dckr_", Start + @"dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}" + End),
        Rule("linear-api-key", PiiKinds.ApiKey, "lin_api_", Start + @"lin_api_[A-Za-z0-9]{40}" + End),
        Rule("notion-token", PiiKinds.ApiKey, null, Start + @"(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,})" + End),
        Rule("postman-api-key", PiiKinds.ApiKey, "PMAK-", Start + @"PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + End),
        Rule("vault-token", PiiKinds.ApiKey, ".", Start + @"hv[sb]\.[A-Za-z0-9_-]{24,}" + End),
        Rule("terraform-cloud-token", PiiKinds.ApiKey, ".atlasv1.", Start + @"[a-zA-Z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}"),
        // Observability.
        Rule("new-relic-key", PiiKinds.ApiKey, "NR", Start + @"(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL)" + End),
        Rule("sentry-dsn", PiiKinds.ApiKey, "@", @"https?://(?<v>[0-9a-f]{32})(?::[0-9a-f]{32})?@[A-Za-z0-9.-]+(?::\d+)?/\d+"),
        Rule("sentry-auth-token", PiiKinds.ApiKey, "sntry", Start + @"sntry[su]_[A-Za-z0-9+/=_-]{40,}"),
        // Keys without a prefix, recognised by the provider's name in front of them.
        Rule("named-provider-key", PiiKinds.ApiKey, null, @"(?i:\b(?:cohere|co_|mistral|twilio|datadog|dd_|heroku|paypal|braintree|azure(?:[_-]?openai)?|openai|anthropic|together|deepseek|fireworks|pinecone|algolia|cloudflare|cf_|okta|auth0|supabase|firebase|mapbox|segment|pagerduty|new[_-]?relic|elastic|grafana|mailgun|sendgrid|square|shopify)[\w.-]{0,24}?(?:api[_-]?key|app[_-]?key|key|token|secret|sid))" + Assign + @"(?<v>[A-Za-z0-9_.~+/=-]{20,})", SecretCheck.HighEntropy, Assignment: true),
        // Generic assignments: key=..., secret: ..., password = ...
        Rule("generic-password", PiiKinds.ApiKey, null, @"(?i:(?:passw(?:or)?d|pwd|pass)(?:[_-][\w-]{0,10}?)?)" + Assign + @"(?<v>[^\s""'`,;]{6,})", SecretCheck.Password, Assignment: true),
        Rule("generic-secret-assignment", PiiKinds.ApiKey, null, @"(?i:(?:secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)[\w-]{0,20}?)" + Assign + @"(?<v>[A-Za-z0-9_.~+/=-]{16,})", SecretCheck.HighEntropy, Assignment: true),
    ];

    private static SecretRule Rule(string name, string kind, string? prefix, string pattern,
        SecretCheck check = SecretCheck.NotPlaceholder, bool Assignment = false) =>
        new(name, kind, prefix, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)), check, Assignment);
}
