using System.ComponentModel.DataAnnotations;

namespace Chatbot.Identity;

/// <summary>Section <c>Identity:BootstrapAdmin</c>: the first platform admin.</summary>
public sealed class BootstrapAdminOptions
{
    [MaxLength(256)]
    public string? Email { get; set; }

    /// <summary>From the environment (<c>Identity__BootstrapAdmin__Password</c>), never from a committed file.</summary>
    [MaxLength(128)]
    public string? Password { get; set; }

    /// <summary>Development only: where a generated password is written (mode 0600) when none is given.</summary>
    [MaxLength(1000)]
    public string? PasswordFile { get; set; }
}
