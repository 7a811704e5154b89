namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// The fixed beginnings of the secret formats <see cref="Pii.PiiDetector"/> finds (lower-cased: matched without case),
/// and what follows each. The output guard holds back a reply's tail only while it could still grow into one of them;
/// a format added to the detector needs its prefix here, or its first characters could be released before it is known.
/// </summary>
internal static class SecretPrefixes
{
    public static readonly IReadOnlyList<(string Prefix, SecretBody Body)> All =
    [
        .. Tokens("sk-", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "akia", "asia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
            "github_pat_", "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "aiza", "glpat-", "hf_", "sg.", "eyj", "npm_",
            "pypi-", "shpat_", "shpss_", "dop_v1_", "ya29.", "sq0atp-", "sq0csp-"),
        .. Urls("postgres://", "postgresql://", "mysql://", "mariadb://", "mongodb://", "mongodb+srv://", "redis://",
            "rediss://", "amqp://", "amqps://", "sqlserver://", "mssql://"),
        .. Assignments("aws_secret_access_key", "secret_key", "secret-key", "api_key", "api-key", "apikey", "access_token",
            "access-token", "accesstoken", "client_secret", "client-secret", "clientsecret", "password", "passwd", "pwd",
            "secret", "token"),
        ("server=", SecretBody.Line), ("host=", SecretBody.Line), ("data source=", SecretBody.Line),
        ("accountkey=", SecretBody.Token),
        ("-----begin", SecretBody.Header),
    ];

    private static IEnumerable<(string, SecretBody)> Tokens(params string[] prefixes) => prefixes.Select(p => (p, SecretBody.Token));

    private static IEnumerable<(string, SecretBody)> Urls(params string[] prefixes) => prefixes.Select(p => (p, SecretBody.Url));

    private static IEnumerable<(string, SecretBody)> Assignments(params string[] keywords) =>
        keywords.Select(k => (k, SecretBody.Assignment));
}
