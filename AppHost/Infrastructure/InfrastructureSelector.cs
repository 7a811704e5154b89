using Chatbot.AppHost.Processes;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Chooses where the servers come from when <c>--infra</c> is not given: existing servers when all three connection
/// strings are configured, else local processes when the binaries are installed, else containers when
/// <c>docker info</c> succeeds; otherwise one line says what to install.
/// </summary>
public static class InfrastructureSelector
{
    public static InfraMode Choose(AppHostOptions options, Func<bool>? dockerAnswers = null, Func<IReadOnlyList<string>>? missingPackages = null)
    {
        if (options.Infra is { } mode)
        {
            return mode;
        }
        if (options.ConnectionStrings.Count == 3)
        {
            return InfraMode.Existing;
        }
        if ((missingPackages ?? LocalBinaries.MissingPackages)().Count == 0)
        {
            return InfraMode.Local;
        }
        if ((dockerAnswers ?? ContainerInfrastructure.DockerAnswers)())
        {
            return InfraMode.Container;
        }
        return InfraMode.Local; // LocalInfrastructure reports exactly what to install.
    }

    public static IInfrastructureProvider Provider(InfraMode mode, PortAllocator ports) => mode switch
    {
        InfraMode.Local => new LocalInfrastructure(ports),
        InfraMode.Container => new ContainerInfrastructure(),
        InfraMode.Existing => new ExistingInfrastructure(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
