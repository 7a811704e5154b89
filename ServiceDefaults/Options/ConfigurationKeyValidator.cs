using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Options;

/// <summary>
/// Data-annotations validation that reports each failure with its full configuration key
/// (<c>Inference:Providers:0:Endpoint: The Endpoint field is required.</c>), recursing into nested objects, lists and dictionaries.
/// </summary>
public sealed class ConfigurationKeyValidator<TOptions>(string? optionsName, string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    private const int MaxDepth = 10;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        ValidateObject(options, sectionName, failures, 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateObject(object instance, string path, List<string> failures, int depth)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            foreach (var member in members)
            {
                var key = member.Length == 0 ? path : $"{path}:{KeyOf(instance.GetType(), member)}";
                failures.Add($"{key}: {result.ErrorMessage}");
            }
        }
        if (depth >= MaxDepth)
        {
            return;
        }
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead)
            {
                continue;
            }
            var value = property.GetValue(instance);
            var childPath = $"{path}:{KeyOf(property)}";
            switch (value)
            {
                case null or string:
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        ValidateChild(entry.Value, $"{childPath}:{entry.Key}", failures, depth);
                    }
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        ValidateChild(item, $"{childPath}:{index++}", failures, depth);
                    }
                    break;
                default:
                    ValidateChild(value, childPath, failures, depth);
                    break;
            }
        }
    }

    private static void ValidateChild(object? value, string path, List<string> failures, int depth)
    {
        if (value is not null && IsOptionsObject(value.GetType()))
        {
            ValidateObject(value, path, failures, depth + 1);
        }
    }

    private static bool IsOptionsObject(Type type) =>
        !type.IsPrimitive && !type.IsEnum && !type.IsPointer && type != typeof(string)
        && !(type.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal);

    private static string KeyOf(Type type, string member) =>
        type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance) is { } property ? KeyOf(property) : member;

    private static string KeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
}
