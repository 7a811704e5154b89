// Lets WebApplicationFactory<Program> reach the entry point from test projects.
public partial class Program;
