// shadcn/ui's Badge, reduced to what it renders: a div whose classes depend
// on the variant.
import type { HTMLAttributes } from 'react';

const variants: Record<string, string> = {
  default: 'border-transparent bg-primary text-primary-foreground',
  secondary: 'border-transparent bg-secondary text-secondary-foreground',
  destructive: 'border-transparent bg-destructive text-destructive-foreground',
  outline: 'text-foreground',
};

export function Badge({ className = '', variant = 'default', ...props }:
    HTMLAttributes<HTMLDivElement> & { variant?: string }) {
  return (
    <div
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${variants[variant] ?? ''} ${className}`}
      {...props}
    />
  );
}
