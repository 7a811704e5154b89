namespace Chatbot.Identity.Validation;

/// <summary>Collects per-field validation errors for a <c>ValidationProblem</c>.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "This field is required.");
        }
        return MaxLength(field, value, maxLength);
    }

    public FieldErrors MaxLength(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
