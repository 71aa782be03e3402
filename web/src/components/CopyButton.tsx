import { Button } from '@chakra-ui/react';
import { useState } from 'react';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (an http:// origin other than localhost): select-and-copy fallback.
      const area = document.createElement('textarea');
      area.value = value;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Button size="xs" variant="outline" onClick={copy} aria-label={`${label}: ${value}`} minW="16">
      {copied ? 'Copied' : label}
    </Button>
  );
}
