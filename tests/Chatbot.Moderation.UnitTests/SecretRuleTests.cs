using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Pii.Secrets;

namespace Chatbot.Moderation.UnitTests;

/// <summary>
/// Each documented secret format is found in a sentence, and its look-alike (placeholder, docs example, public value,
/// hash, truncated key) is not. Values are assembled at run time so that this file does not look like a leak itself.
/// </summary>
public sealed class SecretRuleTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";
    private const string UrlSafe = Alnum + "_-";

    public static TheoryData<string, string> Secrets() => new()
    {
        { "aws-access-key-id", $"key id {"AKIA" + K(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")} in the CI log" },
        { "aws-secret-access-key", $"aws_secret_access_key = {K(40, Alnum + "/+")}" },
        { "google-api-key", $"maps key {"AIza" + K(35, UrlSafe)}" },
        { "google-oauth-client-secret", $"client secret {"GOCSPX-" + K(28, UrlSafe)}" },
        { "google-oauth-access-token", $"Bearer {"ya29." + K(80, UrlSafe)}" },
        { "gcp-service-account-key-id", $"{{\"type\": \"service_account\", \"private_key_id\": \"{K(40, Hex)}\"}}" },
        { "azure-storage-key", $"AccountName=shop;{"AccountKey=" + K(86, Alnum + "+/")}==" },
        { "azure-ad-client-secret", $"secret {K(3) + "8Q~" + K(34, Alnum + "_~.-")} for the app registration" },
        { "azure-sas-signature", $"https://shop.blob.core.windows.net/x?sv=2022-11-02&sp=r&{"sig=" + K(43)}%3D" },
        { "digitalocean-token", $"{"dop_v1_" + K(64, Hex)}" },
        { "heroku-api-key", $"{"HRKU-" + K(60, UrlSafe)}" },
        { "github-classic-token", $"token {"ghp_" + K(36)}" },
        { "github-oauth-token", $"token {"gho_" + K(36)}" },
        { "github-app-token", $"installation token {"ghs_" + K(36)}" },
        { "github-fine-grained-token", $"{"github_pat_11" + K(20, "ABCDEFGHIJ0123456789") + "_" + K(59)}" },
        { "gitlab-token", $"{"glpat-" + K(20, UrlSafe)}" },
        { "gitlab-runner-registration", $"{"GR1348941" + K(20, UrlSafe)}" },
        { "bitbucket-app-password", $"{"ATBB" + K(32)}" },
        { "atlassian-api-token", $"{"ATATT3xFfGF0" + K(120, UrlSafe)}" },
        { "stripe-secret-key", $"live key {"sk_" + "live_" + K(99)}" },
        { "stripe-secret-key", $"test key {"sk_" + "test_" + K(24)}" },
        { "stripe-restricted-key", $"{"rk_" + "live_" + K(99)}" },
        { "stripe-webhook-secret", $"{"whsec_" + K(32)}" },
        { "braintree-access-token", $"{"access_token$production$" + K(16, Hex) + "$" + K(32, Hex)}" },
        { "square-token", $"{"EAAA" + K(60, UrlSafe)}" },
        { "shopify-token", $"{"shpat_" + K(32, Hex)}" },
        { "slack-token", $"bot {"xoxb-" + K(12, "0123456789") + "-" + K(13, "0123456789") + "-" + K(24)}" },
        { "slack-token", $"user {"xoxp-" + K(12, "0123456789") + "-" + K(12, "0123456789") + "-" + K(13, "0123456789") + "-" + K(32, Hex)}" },
        { "slack-app-token", $"{"xapp-1-A" + K(10, "ABCDEFGHIJ0123456789") + "-" + K(13, "0123456789") + "-" + K(64, Hex)}" },
        { "slack-webhook", $"{"https://hooks.slack.com/services/T" + K(8, "ABCDEFGH12345") + "/B" + K(10, "ABCDEFGH12345") + "/" + K(24)}" },
        { "discord-webhook", $"{"https://discord.com/api/webhooks/" + K(19, "0123456789") + "/" + K(68, UrlSafe)}" },
        { "discord-bot-token", $"{"M" + K(25) + "." + K(6, UrlSafe) + "." + K(38, UrlSafe)}" },
        { "telegram-bot-token", $"bot {K(10, "0123456789") + ":AA" + K(33, UrlSafe)}" },
        { "twilio-api-key", $"{"SK" + K(32, Hex)}" },
        { "sendgrid-api-key", $"{"SG." + K(22, UrlSafe) + "." + K(43, UrlSafe)}" },
        { "mailgun-api-key", $"{"key-" + K(32, Hex)}" },
        { "mailchimp-api-key", $"{K(32, Hex) + "-us21"}" },
        { "anthropic-api-key", $"{"sk-ant-" + "api03-" + K(93, UrlSafe) + "AA"}" },
        { "openrouter-api-key", $"{"sk-or-" + "v1-" + K(64, Hex)}" },
        { "openai-project-key", $"{"sk-" + "proj-" + K(120, UrlSafe)}" },
        { "openai-project-key", $"service account {"sk-" + "svcacct-" + K(120, UrlSafe)}" },
        { "openai-legacy-key", $"{"sk-" + K(20) + "T3BlbkFJ" + K(20)}" },
        { "huggingface-token", $"{"hf_" + K(34, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")}" },
        { "groq-api-key", $"{"gsk_" + K(52)}" },
        { "replicate-api-token", $"{"r8_" + K(37)}" },
        { "perplexity-api-key", $"{"pplx-" + K(48)}" },
        { "xai-api-key", $"{"xai-" + K(80)}" },
        { "named-provider-key", $"COHERE_API_KEY={K(40)}" },
        { "named-provider-key", $"DD_API_KEY={K(32, Hex)}" },
        { "named-provider-key", $"PAYPAL_CLIENT_SECRET={K(80, UrlSafe)}" },
        { "named-provider-key", $"TWILIO_AUTH_TOKEN={K(32, Hex)}" },
        { "database-url", $"postgres://app:{K(14)}@db.internal:5432/shop" },
        { "database-url", $"mysql://root:{K(12)}@10.0.0.4:3306/orders" },
        { "database-url", $"mongodb+srv://svc:{K(16)}@cluster0.ab1cd.mongodb.net/prod" },
        { "database-url", $"rediss://default:{K(24)}@cache.internal:6380/0" },
        { "database-url", $"amqp://worker:{K(16)}@rabbit.internal:5672/vhost" },
        { "ado-connection-string", $"Server=tcp:prod.database.windows.net,1433;Database=shop;User ID=sa;Password={K(14)};" },
        { "private-key", $"-----BEGIN RSA PRIVATE KEY-----\n{K(64, Alnum + "+/")}\n-----END RSA PRIVATE KEY-----" },
        { "private-key", $"-----BEGIN OPENSSH PRIVATE KEY-----\n{K(64, Alnum + "+/")}\n-----END OPENSSH PRIVATE KEY-----" },
        { "private-key", $"-----BEGIN PGP PRIVATE KEY BLOCK-----\n{K(64, Alnum + "+/")}\n-----END PGP PRIVATE KEY BLOCK-----" },
        { "jwt", $"Authorization: Bearer {"eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0In0." + K(43, UrlSafe)}" },
        { "npm-token", $"//registry.npmjs.org/:_authToken={"npm_" + K(36)}" },
        { "nuget-api-key", $"dotnet nuget push -k {"oy2" + K(43, "abcdefghijklmnopqrstuvwxyz0123456789")}" },
        { "pypi-token", $"{"pypi-" + "AgEIcHlwaS5vcmc" + K(60, UrlSafe)}" },
        { "docker-hub-token", $"{"dckr_" + "pat_" + K(27, UrlSafe)}" },
        { "new-relic-key", $"{"NRAK-" + K(27, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}" },
        { "new-relic-key", $"license {K(36, Hex) + "NRAL"}" },
        { "sentry-dsn", $"SENTRY_DSN=https://{K(32, Hex)}@o123456.ingest.sentry.io/4505" },
        { "sentry-auth-token", $"{"sntrys_" + K(60)}" },
        { "linear-api-key", $"{"lin_api_" + K(40)}" },
        { "vault-token", $"VAULT_TOKEN={"hvs." + K(90, UrlSafe)}" },
        { "generic-secret-assignment", $"client_secret: {K(32)}" },
        { "generic-password", $"smtp_password = {K(12) + "!7"}" },
    };

    public static TheoryData<string> LookAlikeTexts() => new()
    {
        "AWS docs key AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "Use a key like AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "GOCSPX-your-client-secret-goes-here",
        "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "ghp_ tokens are classic personal access tokens",
        "github_pat_<your token>",
        "glpat-xxxxxxxxxxxxxxxxxxxx",
        "stripe.api_key = 'sk_" + "test_...'",
        "Publishable key pk_" + "live_" + K(24) + " is safe in the page.",
        "SLACK_BOT_TOKEN=xoxb-your-bot-token",
        "https://hooks.slack.com/services/T000/B000/XXXX",
        "https://discord.com/api/webhooks/<id>/<token>",
        "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "The key looks like sk-... and is 51 characters long.",
        "Your key: sk-" + "proj-***",
        "sk-ant-" + "api03-... (redacted)",
        "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "postgres://user:password@localhost:5432/db",
        "mongodb+srv://<username>:<password>@cluster0.mongodb.net/",
        "redis://:${REDIS_PASSWORD}@localhost:6379",
        "Server=db;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
        "The JWT format is header.payload.signature.",
        $"sha256: {K(64, Hex)}",
        $"commit {K(40, Hex)}",
        $"request id {K(8, Hex)}-{K(4, Hex)}-{K(4, Hex)}-{K(4, Hex)}-{K(12, Hex)}",
        $"<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ{K(60, Alnum + "+/")}\">",
        "token = 'abcdefghijklmnopqrstuvwxyz123456'",
        "api_key = ${{ secrets.API_KEY }}",
        "client_secret = os.environ['CLIENT_SECRET']",
        "password: must be at least 12 characters",
        "password=password",
        "max_tokens: 4096",
        "DSN: https://examplePublicKey@o0.ingest.sentry.io/0",
        "dckr_pat_XXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "secret_key_base: <%= ENV['SECRET_KEY_BASE'] %>",
        "AccountKey=<storage-account-key>",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_documented_secret_format_is_found_and_masked_as_a_secret(string rule, string text)
    {
        var match = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal(rule, match.Rule);
        Assert.Contains(PiiDetector.Detect(text), f => f.Category == "secret" && f.Start == match.Start);
    }

    [Theory]
    [MemberData(nameof(LookAlikeTexts))]
    public void A_look_alike_is_not_reported(string text) => Assert.Empty(PiiDetector.Detect(text));

    [Fact]
    public void At_least_forty_formats_have_a_positive_case()
    {
        var covered = Secrets().Select(row => (string)row[0]).Distinct().Count();
        Assert.True(covered >= 40, $"{covered} formats covered.");
    }

    [Fact]
    public void Entropy_separates_a_generated_key_from_a_word_list()
    {
        Assert.True(LookAlikes.Entropy(K(32)) > LookAlikes.MinimumKeyEntropy);
        Assert.True(LookAlikes.Entropy("aaaaaaaabbbbbbbbaaaaaaaabbbbbbbb") < LookAlikes.MinimumKeyEntropy);
    }

    /// <summary>A deterministic random value of <paramref name="length"/> characters from <paramref name="alphabet"/>.</summary>
    private static string K(int length, string alphabet = Alnum)
    {
        var random = new Random(length * 31 + alphabet.Length);
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}
