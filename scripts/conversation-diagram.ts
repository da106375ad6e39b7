import { conversation } from '../src/core/conversation.js';
import { mermaid } from '../src/core/diagram.js';

// Prints the conversation table as a Mermaid state diagram (the README shows it).
console.log(mermaid(conversation));
