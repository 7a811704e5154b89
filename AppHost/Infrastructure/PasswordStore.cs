using System.Security.Cryptography;
using System.Text.Json;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Passwords generated once per installation, kept in <c>&lt;state&gt;/secrets.json</c> with mode 0600.</summary>
public sealed class PasswordStore(string stateDirectory)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private readonly Lock _lock = new();

    public string FilePath { get; } = Path.Combine(stateDirectory, "secrets.json");

    public string GetOrCreate(string name)
    {
        lock (_lock)
        {
            var secrets = File.Exists(FilePath)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? []
                : [];
            if (!secrets.TryGetValue(name, out var password))
            {
                secrets[name] = password = Generate();
                WritePrivate(FilePath, JsonSerializer.Serialize(secrets, new JsonSerializerOptions { WriteIndented = true }));
            }
            return password;
        }
    }

    /// <summary>24 characters of letters and digits: safe inside URIs and connection strings without escaping.</summary>
    public static string Generate(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Writes a file only its owner can read (0600), created with that mode so it is never readable by others.</summary>
    public static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
