import { render } from 'preact';
import { localiseDocument } from '../../utils/i18n';
import { Options } from './Options';
import '../../components/base.css';
import './style.css';

localiseDocument('options_title');
const root = document.getElementById('app');
if (root) render(<Options />, root);
