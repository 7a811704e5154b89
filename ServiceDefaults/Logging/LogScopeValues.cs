using Microsoft.Extensions.Logging;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>The key/value pairs of every active logging scope (activity tracking, ASP.NET Core's request scope, user scopes).</summary>
internal sealed class LogScopeValues
{
    private const string OriginalFormat = "{OriginalFormat}";

    public List<KeyValuePair<string, object?>> Properties { get; } = [];

    public static LogScopeValues Collect(IExternalScopeProvider? scopeProvider)
    {
        var values = new LogScopeValues();
        scopeProvider?.ForEachScope(static (scope, state) => state.Add(scope), values);
        return values;
    }

    public string? Get(string key)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].Key == key)
            {
                return Properties[i].Value?.ToString();
            }
        }
        return null;
    }

    private void Add(object? scope)
    {
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var pair in pairs)
            {
                if (pair.Key != OriginalFormat)
                {
                    Properties.Add(pair);
                }
            }
        }
        else if (scope is not null)
        {
            Properties.Add(new KeyValuePair<string, object?>("scope", scope.ToString()));
        }
    }
}
