using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Features.Partners;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(150);
        builder.Property(p => p.KeyHash).HasMaxLength(64);
        builder.HasIndex(p => p.KeyHash).IsUnique();
        builder.Property(p => p.KeyHint).HasMaxLength(8);
        builder.Property(p => p.WebhookUrl).HasMaxLength(500);
        builder.Property(p => p.ProtectedWebhookSecret).HasMaxLength(1000);
        builder.PrimitiveCollection(p => p.AdministrationIds);
        builder.Ignore(p => p.IsActive);
    }
}

public sealed class PartnerUseConfiguration : IEntityTypeConfiguration<PartnerUse>
{
    public void Configure(EntityTypeBuilder<PartnerUse> builder)
    {
        builder.Property(u => u.Method).HasMaxLength(10);
        builder.Property(u => u.Path).HasMaxLength(300);
        builder.HasIndex(u => new { u.PartnerId, u.AtUtc });
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.Event).HasMaxLength(20);
        builder.Property(d => d.TrackingNumber).HasMaxLength(40);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasIndex(d => new { d.DeliveredUtc, d.NextAttemptUtc });
        builder.HasIndex(d => new { d.PartnerId, d.CreatedUtc });
    }
}

public sealed class PartnerUpdateReceiptConfiguration : IEntityTypeConfiguration<PartnerUpdateReceipt>
{
    public void Configure(EntityTypeBuilder<PartnerUpdateReceipt> builder)
    {
        builder.HasKey(r => new { r.PartnerId, r.ExternalId });
        builder.Property(r => r.ExternalId).HasMaxLength(100);
    }
}
