namespace Chikaya.Web.Infrastructure.Files;

public static class FileStoreSetup
{
    /// <summary>The attachments' store chosen by <c>Chikaya:Storage:Provider</c>.</summary>
    public static IServiceCollection AddChikayaFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.IsValid(), "Chikaya:Storage: Provider is Local or S3, and S3 needs a Bucket.")
            .ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.IsS3)
            services.AddSingleton<IFileStore>(_ => new S3FileStore(S3FileStore.Client(options), options.Bucket!));
        else
            services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(DataDirectory.Resolve(configuration), "attachments")));
        return services;
    }
}
